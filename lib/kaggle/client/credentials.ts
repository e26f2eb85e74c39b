import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Credentials = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; key: string };

type Env = Record<string, string | undefined>;

/**
 * Kaggle credentials in the official CLI's order (kaggle-api.md):
 * 1. KAGGLE_API_TOKEN (the token, or a path to a file holding it), then ~/.kaggle/access_token → Bearer;
 * 2. KAGGLE_USERNAME + KAGGLE_KEY, else kaggle.json in $KAGGLE_CONFIG_DIR, ~/.kaggle, $XDG_CONFIG_HOME/kaggle → Basic.
 * Null when none is found; a kaggle.json that exists but cannot be used throws, because silently skipping it
 * would send the user chasing a 401 instead of the broken file.
 */
export function readCredentials(env: Env = process.env, home: string = os.homedir()): Credentials | null {
  const token = tokenFromEnv(env.KAGGLE_API_TOKEN, home) ?? readTrimmed(path.join(home, '.kaggle', 'access_token'));
  if (token) return { kind: 'bearer', token };

  if (env.KAGGLE_USERNAME && env.KAGGLE_KEY) return { kind: 'basic', username: env.KAGGLE_USERNAME, key: env.KAGGLE_KEY };

  for (const dir of configDirs(env, home)) {
    const file = path.join(dir, 'kaggle.json');
    if (fs.existsSync(file)) return readKaggleJson(file);
  }
  return null;
}

export function authorizationHeader(creds: Credentials): string {
  if (creds.kind === 'bearer') return `Bearer ${creds.token}`;
  return `Basic ${Buffer.from(`${creds.username}:${creds.key}`, 'utf8').toString('base64')}`;
}

/** The variable holds either the token or a path; a value naming an existing file is read as a path. */
function tokenFromEnv(value: string | undefined, home: string): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const file = v.startsWith('~/') ? path.join(home, v.slice(2)) : v;
  if (looksLikePath(v) && isFile(file)) {
    const fromFile = readTrimmed(file);
    if (!fromFile) throw new Error(`KAGGLE_API_TOKEN points at ${file}, which is empty: put the token in it`);
    return fromFile;
  }
  return v;
}

function looksLikePath(v: string): boolean {
  return v.includes('/') || v.includes(path.sep) || v.startsWith('~');
}

function configDirs(env: Env, home: string): string[] {
  // XDG_CONFIG_HOME defaults to ~/.config per the XDG spec, as the CLI does.
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return [env.KAGGLE_CONFIG_DIR, path.join(home, '.kaggle'), path.join(xdg, 'kaggle')].filter(
    (d): d is string => Boolean(d),
  );
}

function readKaggleJson(file: string): Credentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      // The parser's message would quote the file, i.e. the key: say where, never what.
      `${file} is not valid JSON${lineOf(err)}: it should be {"username": "...", "key": "..."} as downloaded from kaggle.com/settings`,
      { cause: err },
    );
  }
  const { username, key } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof username !== 'string' || !username || typeof key !== 'string' || !key) {
    throw new Error(`${file} lacks "username" or "key": it should be {"username": "...", "key": "..."} as downloaded from kaggle.com/settings`);
  }
  return { kind: 'basic', username, key };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function readTrimmed(file: string): string | undefined {
  if (!isFile(file)) return undefined;
  return fs.readFileSync(file, 'utf8').trim() || undefined;
}

function lineOf(err: unknown): string {
  const m = /line (\d+)/.exec((err as Error).message) ?? /position (\d+)/.exec((err as Error).message);
  return m ? ` (${m[0]})` : '';
}
