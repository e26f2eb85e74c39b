import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { settings } from '../db/schema';
import { readCredentials, type Credentials } from '../kaggle/client/credentials';
import { open, seal } from './secret-box';

const KEY = 'kaggle.credentials';

export const credentialsInput = z.union([
  z.object({ token: z.string().trim().min(8, 'the API token looks too short') }),
  z.object({ username: z.string().trim().min(1), key: z.string().trim().min(8, 'the API key looks too short') }),
]);

/** Kaggle credentials entered in the settings page win; else the official CLI's places. */
export async function kaggleCredentials(db: Db, dataDir: string): Promise<{ credentials: Credentials | null; source: 'settings' | 'environment' | null }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (row) return { credentials: JSON.parse(open(dataDir, row.value)) as Credentials, source: 'settings' };
  const fromEnv = readCredentials();
  return { credentials: fromEnv, source: fromEnv ? 'environment' : null };
}

/** What the settings page may show: never the key or token itself. */
export async function kaggleCredentialsStatus(db: Db, dataDir: string) {
  const { credentials, source } = await kaggleCredentials(db, dataDir);
  return {
    configured: credentials !== null,
    source,
    kind: credentials?.kind ?? null,
    username: credentials?.kind === 'basic' ? credentials.username : null,
  };
}

export async function saveKaggleCredentials(db: Db, dataDir: string, input: z.infer<typeof credentialsInput>): Promise<void> {
  const creds: Credentials = 'token' in input ? { kind: 'bearer', token: input.token } : { kind: 'basic', username: input.username, key: input.key };
  const value = seal(dataDir, JSON.stringify(creds));
  await db
    .insert(settings)
    .values({ key: KEY, value, encrypted: true })
    .onConflictDoUpdate({ target: settings.key, set: { value, encrypted: true, updatedAt: new Date() } });
}

export async function removeKaggleCredentials(db: Db): Promise<void> {
  await db.delete(settings).where(eq(settings.key, KEY));
}
