import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizationHeader, readCredentials } from './credentials';

const dirs: string[] = [];
function dir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-creds-'));
  dirs.push(d);
  return d;
}
function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('readCredentials', () => {
  it('finds nothing in an empty home', () => {
    expect(readCredentials({}, dir())).toBeNull();
  });

  it('prefers KAGGLE_API_TOKEN over everything else', () => {
    const home = dir();
    write(path.join(home, '.kaggle', 'access_token'), 'file-token');
    write(path.join(home, '.kaggle', 'kaggle.json'), '{"username":"u","key":"k"}');
    const env = { KAGGLE_API_TOKEN: 'env-token', KAGGLE_USERNAME: 'u', KAGGLE_KEY: 'k' };
    expect(readCredentials(env, home)).toEqual({ kind: 'bearer', token: 'env-token' });
  });

  it('reads KAGGLE_API_TOKEN as a path, including ~/', () => {
    const home = dir();
    write(path.join(home, 'secrets', 'tok'), '  tok-from-file \n');
    expect(readCredentials({ KAGGLE_API_TOKEN: path.join(home, 'secrets', 'tok') }, home)).toEqual({ kind: 'bearer', token: 'tok-from-file' });
    expect(readCredentials({ KAGGLE_API_TOKEN: '~/secrets/tok' }, home)).toEqual({ kind: 'bearer', token: 'tok-from-file' });
  });

  it('takes ~/.kaggle/access_token before username/key', () => {
    const home = dir();
    write(path.join(home, '.kaggle', 'access_token'), 'home-token\n');
    expect(readCredentials({ KAGGLE_USERNAME: 'u', KAGGLE_KEY: 'k' }, home)).toEqual({ kind: 'bearer', token: 'home-token' });
  });

  it('takes KAGGLE_USERNAME + KAGGLE_KEY before kaggle.json, and needs both', () => {
    const home = dir();
    write(path.join(home, '.kaggle', 'kaggle.json'), '{"username":"file","key":"fk"}');
    expect(readCredentials({ KAGGLE_USERNAME: 'env', KAGGLE_KEY: 'ek' }, home)).toEqual({ kind: 'basic', username: 'env', key: 'ek' });
    expect(readCredentials({ KAGGLE_USERNAME: 'env' }, home)).toEqual({ kind: 'basic', username: 'file', key: 'fk' });
  });

  it('looks for kaggle.json in KAGGLE_CONFIG_DIR, then ~/.kaggle, then $XDG_CONFIG_HOME/kaggle', () => {
    const home = dir();
    const config = dir();
    const xdg = dir();
    write(path.join(xdg, 'kaggle', 'kaggle.json'), '{"username":"xdg","key":"x"}');
    expect(readCredentials({ XDG_CONFIG_HOME: xdg }, home)).toMatchObject({ username: 'xdg' });
    write(path.join(home, '.kaggle', 'kaggle.json'), '{"username":"home","key":"h"}');
    expect(readCredentials({ XDG_CONFIG_HOME: xdg }, home)).toMatchObject({ username: 'home' });
    write(path.join(config, 'kaggle.json'), '{"username":"config","key":"c"}');
    expect(readCredentials({ XDG_CONFIG_HOME: xdg, KAGGLE_CONFIG_DIR: config }, home)).toMatchObject({ username: 'config' });
  });

  it('defaults XDG_CONFIG_HOME to ~/.config', () => {
    const home = dir();
    write(path.join(home, '.config', 'kaggle', 'kaggle.json'), '{"username":"dot-config","key":"k"}');
    expect(readCredentials({}, home)).toMatchObject({ username: 'dot-config' });
  });

  it('names a malformed kaggle.json in the error', () => {
    const config = dir();
    const file = write(path.join(config, 'kaggle.json'), '{"username": "u", ');
    expect(() => readCredentials({ KAGGLE_CONFIG_DIR: config }, dir())).toThrow(file);
    write(file, '{"username": "u"}');
    expect(() => readCredentials({ KAGGLE_CONFIG_DIR: config }, dir())).toThrow(/kaggle\.json lacks "username" or "key"/);
  });
});

describe('authorizationHeader', () => {
  it('formats Bearer and Basic', () => {
    expect(authorizationHeader({ kind: 'bearer', token: 'abc' })).toBe('Bearer abc');
    expect(authorizationHeader({ kind: 'basic', username: 'me', key: 's:cret' })).toBe(`Basic ${Buffer.from('me:s:cret').toString('base64')}`);
  });
});
