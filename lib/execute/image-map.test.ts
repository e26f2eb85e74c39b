import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageMapFromEnv, mappedImage } from './image-map';

describe('image map', () => {
  const map = imageMapFromEnv(JSON.stringify([
    { match: 'gcr.io/kaggle-images/python@sha256:abc', image: 'exact' },
    { match: '/^gcr\\.io\\/kaggle-gpu-images\\//', image: 'gpu' },
    { match: 'gcr.io/kaggle-images/python*', image: 'glob' },
  ]));
  it('tries the rules in order: exact, regex, glob', () => {
    expect(mappedImage('gcr.io/kaggle-images/python@sha256:abc', map)).toBe('exact');
    expect(mappedImage('gcr.io/kaggle-gpu-images/python@sha256:def', map)).toBe('gpu');
    expect(mappedImage('gcr.io/kaggle-images/python:v123', map)).toBe('glob');
  });
  it('maps nothing for other values or no value', () => {
    expect(mappedImage('gcr.io/kaggle-images/rstats:v1', map)).toBeNull();
    expect(mappedImage('xgcr.io/kaggle-images/python', map)).toBeNull();
    expect(mappedImage(null, map)).toBeNull();
  });
  it('reads an object form and a file path, and rejects what is not a mapping', () => {
    expect(imageMapFromEnv('{"a*": "b"}')).toEqual([{ match: 'a*', image: 'b' }]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imap-')), 'map.json');
    fs.writeFileSync(file, '{"x": "y"}');
    expect(imageMapFromEnv(file)).toEqual([{ match: 'x', image: 'y' }]);
    expect(imageMapFromEnv(undefined)).toEqual([]);
    expect(() => imageMapFromEnv('["nope"]')).toThrow(/VIZMINE_IMAGE_MAP/);
  });
});
