import path from 'node:path';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { kaggleCredentials } from '../../settings/kaggle-credentials';
import { createKaggleClient } from '../client/http';
import { apiSource } from './api-source';
import type { KernelSource } from './kernel-source';
import { metaKaggleSource } from './meta-kaggle-source';
import type { RunSource } from './run-state';

/**
 * The KernelSource for a run: the Kaggle API (credentials from the settings page, else where the
 * official CLI looks; base URL from KAGGLE_API_BASE_URL) or the imported Meta Kaggle tables with the
 * notebooks in a Meta Kaggle Code folder (VIZMINE_META_KAGGLE_CODE, default <data dir>/meta-kaggle-code).
 */
export async function sourceFor(db: Db, dataDir: string, kind: RunSource): Promise<KernelSource> {
  if (kind === 'meta-kaggle') {
    return metaKaggleSource(db, process.env.VIZMINE_META_KAGGLE_CODE ?? path.join(dataDir, 'meta-kaggle-code'));
  }
  const { credentials } = await kaggleCredentials(db, dataDir);
  // Said at once, rather than after the Kaggle API's refusal (or a network time-out) is retried.
  if (!credentials) throw new AppError('bad_request', NO_CREDENTIALS);
  return apiSource(createKaggleClient({ credentials }));
}

export const NO_CREDENTIALS =
  'No Kaggle credentials are configured: enter them on the Settings page (/settings), or set KAGGLE_API_TOKEN ' +
  '(or KAGGLE_USERNAME and KAGGLE_KEY, or ~/.kaggle/kaggle.json) where vizmine runs.';
