import path from 'node:path';
import { downloadToCache, safeSegment } from './download';
import { KaggleError } from './errors';
import type { KaggleClient } from './http';
import { collectPages } from './paging';
import type { CachedDownload, Competition, ListCompetitionsFilters } from './types';

export const COMPETITIONS_SERVICE = 'competitions.CompetitionApiService';

export async function listCompetitions(
  client: KaggleClient,
  filters: ListCompetitionsFilters = {},
): Promise<{ competitions: Competition[]; nextPageToken?: string }> {
  const res = await client.call<{ competitions?: Competition[]; nextPageToken?: string }>(COMPETITIONS_SERVICE, 'ListCompetitions', filters);
  return { competitions: res.competitions ?? [], nextPageToken: res.nextPageToken || undefined };
}

/** Every page of a competition listing (the list is small: a few thousand at most). */
export async function listAllCompetitions(
  client: KaggleClient,
  filters: ListCompetitionsFilters = {},
  opts: { max?: number } = {},
): Promise<Competition[]> {
  const page = async (n: number, pageToken?: string) => {
    const res = await listCompetitions(client, { ...filters, page: n, pageToken });
    return { items: res.competitions, nextPageToken: res.nextPageToken };
  };
  return collectPages(page, (c) => c.ref ?? String(c.id), opts.max);
}

/** The competition's slug: `ref` may be the slug or its URL (https://www.kaggle.com/competitions/<slug>). */
export function competitionSlug(c: Pick<Competition, 'ref' | 'url'>): string {
  const raw = c.ref ?? c.url ?? '';
  return raw.replace(/\/+$/, '').split('/').pop() ?? '';
}

/**
 * All data files of a competition as one zip, cached at <cacheDir>/competitions/<slug>.zip.
 * Kaggle answers 403 until the competition's rules are accepted on the website, so a 403 says that.
 */
export async function downloadCompetitionFiles(client: KaggleClient, slug: string, cacheDir: string): Promise<CachedDownload> {
  const dest = path.join(cacheDir, 'competitions', `${safeSegment(slug)}.zip`);
  try {
    return await downloadToCache(client, COMPETITIONS_SERVICE, 'DownloadDataFiles', { competitionName: slug }, dest);
  } catch (err) {
    if (err instanceof KaggleError && err.status === 403) {
      throw new KaggleError(
        'auth',
        `Kaggle refused the files of competition ${slug} (403): accept its rules at https://www.kaggle.com/competitions/${slug}/rules with this account, or check your Kaggle credentials (KAGGLE_API_TOKEN or ~/.kaggle/kaggle.json)`,
        403,
        { cause: err },
      );
    }
    throw err;
  }
}
