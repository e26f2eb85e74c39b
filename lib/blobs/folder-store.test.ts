import { describe, expect, it } from 'vitest';
import { folderPath } from './folder-store';
import { thumbnailKey } from './store';

const sha = 'ab'.repeat(32);

describe('the folder layout', () => {
  it("is today's <dir>/<sha[0:2]>/<sha> and thumbs/<sha[0:2]>/<sha>.webp", () => {
    expect(folderPath('/d', sha)).toBe(`/d/ab/${sha}`);
    expect(folderPath('/d', thumbnailKey(sha))).toBe(`/d/thumbs/ab/${sha}.webp`);
  });
  it('refuses keys that are not blob keys', () => {
    for (const bad of ['../x', `thumbs/../${sha}`, sha.toUpperCase(), `${sha}/x`, '']) expect(() => folderPath('/d', bad)).toThrow(/not a blob key/);
  });
});
