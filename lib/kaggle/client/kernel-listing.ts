import type { KaggleClient } from './http';
import { listKernels, MAX_PAGE_SIZE } from './kernels';
import type { KernelMetadata, KernelSortBy, ListKernelsFilters } from './types';

/**
 * How listAllKernels gets past Kaggle's cap (a query stops after about 1000 results, whatever the paging):
 *
 * 1. Run the query as given. Under the cap → it is complete.
 * 2. At the cap, partition it by `language` (python, r, sqlite, julia), and each part still at the cap by
 *    `kernelType` (notebook, script) — unless the caller fixed that filter. Parts are disjoint, so a part under
 *    the cap is complete; the parts together must also re-find every kernel the parent query saw, otherwise
 *    some kernels have a value outside these enums and the result is flagged incomplete.
 * 3. A part still at the cap (e.g. >1000 Python notebooks for one competition) is re-run once per sort order
 *    (SORT_SPLITS). Each order surfaces a different top 1000 — SCORE_DESCENDING and SCORE_ASCENDING even
 *    opposite ends — so up to ~2000 kernels per part are usually found, but nothing proves it: such a part
 *    makes the result `mayBeIncomplete`.
 * Everything is de-duplicated by `ref`. Queries run one after the other, so the order of onPage calls and
 * the cost (requests) are deterministic; the client's own limiter is not the bottleneck here.
 */
export const SORT_SPLITS: KernelSortBy[] = [
  'SCORE_DESCENDING',
  'SCORE_ASCENDING',
  'DATE_CREATED',
  'VOTE_COUNT',
  'VIEW_COUNT',
  'COMMENT_COUNT',
  'DATE_RUN',
  'HOTNESS',
];
const LANGUAGES = ['python', 'r', 'sqlite', 'julia'] as const;
const KERNEL_TYPES = ['notebook', 'script'] as const;
export const KAGGLE_RESULT_CAP = 1000;

export interface KernelListingPage {
  query: ListKernelsFilters; // the query (split) this page belongs to
  page: KernelMetadata[]; // as Kaggle answered
  fresh: KernelMetadata[]; // those not seen before in this listing
  found: number; // distinct kernels so far
}

export interface ListAllKernelsOptions {
  max?: number; // stop once this many distinct kernels are found
  onPage?: (page: KernelListingPage) => void | Promise<void>;
  cap?: number; // results after which Kaggle stops a query; default 1000
  pageSize?: number; // default 100 (the maximum)
}

export interface ListAllKernelsResult {
  kernels: KernelMetadata[];
  mayBeIncomplete: boolean;
  queries: number; // queries run, each paged to its end
  cappedQueries: ListKernelsFilters[]; // parts still at the cap after every split
}

export async function listAllKernels(
  client: KaggleClient,
  filters: ListKernelsFilters = {},
  opts: ListAllKernelsOptions = {},
): Promise<ListAllKernelsResult> {
  const cap = opts.cap ?? KAGGLE_RESULT_CAP;
  const pageSize = opts.pageSize ?? MAX_PAGE_SIZE;
  const max = opts.max ?? Infinity;
  const seen = new Map<string, KernelMetadata>();
  const cappedQueries: ListKernelsFilters[] = [];
  let queries = 0;
  const full = () => seen.size >= max;

  /** Pages one query to its end; answers the refs it returned and whether it hit the cap. */
  async function runQuery(query: ListKernelsFilters): Promise<{ refs: Set<string>; capped: boolean }> {
    queries++;
    const refs = new Set<string>();
    let pageToken: string | undefined;
    for (let page = 1; !full(); page++) {
      const res = await listKernels(client, { ...query, page, pageSize, pageToken });
      const before = refs.size;
      const fresh: KernelMetadata[] = [];
      for (const k of res.kernels) {
        refs.add(k.ref);
        if (!seen.has(k.ref) && !full()) seen.set(k.ref, k), fresh.push(k);
      }
      await opts.onPage?.({ query, page: res.kernels, fresh, found: seen.size });
      // Stop on an empty or repeated page too: a server ignoring paging must not loop us forever.
      if (res.kernels.length === 0 || refs.size === before) break;
      if (res.nextPageToken) {
        if (res.nextPageToken === pageToken) break;
        pageToken = res.nextPageToken;
        // Without tokens (the legacy endpoint) only a short page marks the end; with them, their absence does.
      } else if (pageToken || res.kernels.length < pageSize) break;
    }
    return { refs, capped: refs.size >= cap };
  }

  async function explore(query: ListKernelsFilters): Promise<{ refs: Set<string>; complete: boolean }> {
    const { refs, capped } = await runQuery(query);
    if (!capped || full()) return { refs, complete: !capped };
    const parts = partition(query);
    if (!parts) {
      for (const sortBy of SORT_SPLITS) {
        if (full()) break;
        if (sortBy === (query.sortBy ?? 'HOTNESS')) continue;
        for (const ref of (await runQuery({ ...query, sortBy })).refs) refs.add(ref);
      }
      cappedQueries.push(query);
      return { refs, complete: false };
    }
    let complete = true;
    const covered = new Set<string>();
    for (const part of parts) {
      if (full()) return { refs, complete: false };
      const sub = await explore(part);
      complete &&= sub.complete;
      for (const ref of sub.refs) covered.add(ref);
    }
    for (const ref of refs) if (!covered.has(ref)) complete = false;
    return { refs: covered, complete };
  }

  const base: ListKernelsFilters = { ...filters, page: undefined, pageToken: undefined, pageSize: undefined };
  const { complete } = await explore(base);
  return { kernels: [...seen.values()], mayBeIncomplete: !complete || (full() && max !== Infinity), queries, cappedQueries };
}

/** The next disjoint split of a query at the cap, or undefined when no enum filter is left to split on. */
function partition(query: ListKernelsFilters): ListKernelsFilters[] | undefined {
  if (!query.language || query.language === 'all') return LANGUAGES.map((language) => ({ ...query, language }));
  if (!query.kernelType || query.kernelType === 'all') return KERNEL_TYPES.map((kernelType) => ({ ...query, kernelType }));
  return undefined;
}
