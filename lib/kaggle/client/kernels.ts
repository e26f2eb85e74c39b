import { KaggleError } from './errors';
import type { KaggleClient } from './http';
import { splitRef } from './refs';
import type { GetKernelResponse, KernelMetadata, KernelOutputFile, ListKernelSessionOutputResponse, ListKernelsFilters } from './types';

export const KERNELS_SERVICE = 'kernels.KernelsApiService';
export const MAX_PAGE_SIZE = 100;

export interface KernelPage {
  kernels: KernelMetadata[];
  nextPageToken?: string;
}

/** One page of ListKernels. */
export async function listKernels(client: KaggleClient, filters: ListKernelsFilters = {}): Promise<KernelPage> {
  if (filters.pageSize !== undefined && (filters.pageSize < 1 || filters.pageSize > MAX_PAGE_SIZE)) {
    throw new RangeError(`ListKernels pageSize must be 1..${MAX_PAGE_SIZE}, got ${filters.pageSize}`);
  }
  const res = await client.call<unknown>(KERNELS_SERVICE, 'ListKernels', filters);
  // The legacy REST endpoint answered a bare array; the RPC answers {kernels, nextPageToken}.
  const body = (Array.isArray(res) ? { kernels: res } : res) as { kernels?: unknown; nextPageToken?: unknown };
  const kernels = body.kernels ?? [];
  if (!Array.isArray(kernels) || kernels.some((k) => typeof (k as KernelMetadata)?.ref !== 'string')) {
    throw new KaggleError('bad_response', 'ListKernels answered kernels without a "ref": the API shape changed, update lib/kaggle/client/types.ts');
  }
  const token = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined;
  return { kernels: kernels as KernelMetadata[], nextPageToken: token };
}

/**
 * The current version of a kernel. `source` is the notebook JSON *as a string, without outputs*, returned
 * verbatim: Kaggle does serve sources that are not valid JSON, and callers decide how to record that, so
 * `JSON.parse(source)` may throw.
 */
export async function getKernel(client: KaggleClient, ref: string): Promise<{ metadata: KernelMetadata; source: string }> {
  const { owner, slug } = splitRef(ref);
  const res = await client.call<GetKernelResponse>(KERNELS_SERVICE, 'GetKernel', { userName: owner, kernelSlug: slug });
  const source = res.blob?.source;
  if (typeof source !== 'string') {
    throw new KaggleError('bad_response', `GetKernel for ${ref} answered without blob.source: the kernel may be private or the API shape changed`);
  }
  return { metadata: res.metadata ?? { ref }, source };
}

/** Output files of the kernel's last run, every page. */
export async function listKernelSessionOutput(client: KaggleClient, ref: string, opts: { pageSize?: number } = {}): Promise<KernelOutputFile[]> {
  const { owner, slug } = splitRef(ref);
  const files: KernelOutputFile[] = [];
  const tokens = new Set<string>();
  let pageToken: string | undefined;
  do {
    const res = await client.call<ListKernelSessionOutputResponse>(KERNELS_SERVICE, 'ListKernelSessionOutput', {
      userName: owner,
      kernelSlug: slug,
      pageSize: opts.pageSize,
      pageToken,
    });
    files.push(...(res.files ?? []));
    pageToken = res.nextPageToken || undefined;
    // A token seen before would loop forever.
    if (pageToken && tokens.has(pageToken)) break;
    if (pageToken) tokens.add(pageToken);
  } while (pageToken);
  return files;
}

/**
 * The notebook with its outputs, as the last run saved it, or null when the run left no notebook (scripts,
 * kernels never run, sessions whose output was deleted). The API's source never has outputs, so this is the
 * only API route to them.
 */
export async function downloadNotebookWithOutputs(client: KaggleClient, ref: string): Promise<Uint8Array | null> {
  const { slug } = splitRef(ref);
  const files = await listKernelSessionOutput(client, ref);
  const notebooks = files.filter((f) => f.fileName.toLowerCase().endsWith('.ipynb'));
  // Kaggle saves the run's notebook as __notebook__.ipynb; prefer it over notebooks the kernel itself wrote.
  const pick =
    notebooks.find((f) => f.fileName === '__notebook__.ipynb') ?? notebooks.find((f) => f.fileName === `${slug}.ipynb`) ?? notebooks[0];
  if (!pick) return null;
  const res = await client.get(pick.url);
  return new Uint8Array(await res.arrayBuffer());
}
