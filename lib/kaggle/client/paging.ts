/**
 * Every page of a page-numbered, token-linked Kaggle listing, de-duplicated by key. Stops at the
 * last page, at a page that adds nothing new, or at a token seen before (which would loop forever).
 */
export async function collectPages<T>(
  fetchPage: (page: number, pageToken: string | undefined) => Promise<{ items: T[]; nextPageToken?: string }>,
  key: (item: T) => string,
  max = Infinity,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let pageToken: string | undefined;
  for (let page = 1; out.length < max; page++) {
    const res = await fetchPage(page, pageToken);
    let added = 0;
    for (const item of res.items) {
      const k = key(item);
      if (!seen.has(k)) seen.add(k), out.push(item), added++;
    }
    if (added === 0 || !res.nextPageToken || res.nextPageToken === pageToken) break;
    pageToken = res.nextPageToken;
  }
  return out.slice(0, max);
}
