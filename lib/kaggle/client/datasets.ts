import path from 'node:path';
import { downloadToCache, safeSegment } from './download';
import type { KaggleClient } from './http';
import { collectPages } from './paging';
import { splitRef } from './refs';
import type { CachedDownload, Dataset, ListDatasetsFilters } from './types';

export const DATASETS_SERVICE = 'datasets.DatasetApiService';

export async function listDatasets(client: KaggleClient, filters: ListDatasetsFilters = {}): Promise<{ datasets: Dataset[]; nextPageToken?: string }> {
  const res = await client.call<{ datasets?: Dataset[]; nextPageToken?: string }>(DATASETS_SERVICE, 'ListDatasets', filters);
  return { datasets: res.datasets ?? [], nextPageToken: res.nextPageToken || undefined };
}

/** Every page of a dataset listing, de-duplicated by ref. Kaggle caps these queries too: narrow with search/user. */
export async function listAllDatasets(client: KaggleClient, filters: ListDatasetsFilters = {}, opts: { max?: number } = {}): Promise<Dataset[]> {
  const page = async (n: number, pageToken?: string) => {
    const res = await listDatasets(client, { ...filters, page: n, pageToken });
    return { items: res.datasets, nextPageToken: res.nextPageToken };
  };
  return collectPages(page, (d) => d.ref ?? String(d.id), opts.max);
}

/**
 * A dataset ("owner/slug") as a zip, cached at <cacheDir>/datasets/<owner>/<slug>[@v<n>].zip.
 * Without a version the cache holds whatever version was current at the first download; pass `versionNumber`
 * when the exact data matters.
 */
export async function downloadDataset(
  client: KaggleClient,
  ref: string,
  cacheDir: string,
  opts: { versionNumber?: number } = {},
): Promise<CachedDownload> {
  const { owner, slug } = splitRef(ref, 'dataset');
  const version = opts.versionNumber === undefined ? '' : `@v${opts.versionNumber}`;
  const dest = path.join(cacheDir, 'datasets', safeSegment(owner), `${safeSegment(slug)}${version}.zip`);
  const body = { ownerSlug: owner, datasetSlug: slug, datasetVersionNumber: opts.versionNumber };
  return downloadToCache(client, DATASETS_SERVICE, 'DownloadDataset', body, dest);
}
