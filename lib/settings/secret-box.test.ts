import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

describe('secret box', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-secret-'));

  it('round-trips, never stores the plaintext, and refuses a tampered value', () => {
    const sealed = seal(dir, 'my-kaggle-key-123');
    expect(sealed).not.toContain('my-kaggle-key');
    expect(open(dir, sealed)).toBe('my-kaggle-key-123');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered!').toString('base64');
    expect(() => open(dir, parts.join('.'))).toThrow();
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('cannot be opened with another data dir key', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-secret-'));
    expect(() => open(other, seal(dir, 'x'))).toThrow();
  });
});
