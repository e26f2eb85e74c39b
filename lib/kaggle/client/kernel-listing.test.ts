import { describe, expect, it } from 'vitest';
import type { KaggleClient } from './http';
import { listAllKernels } from './kernel-listing';
import type { KernelMetadata } from './types';

type K = KernelMetadata & { language: string; kernelType: string };
const kernel = (i: number, language = 'python', kernelType = 'notebook'): K => ({ ref: `u/k-${i}`, id: i, language, kernelType });

/**
 * An in-memory ListKernels with Kaggle's cap; `mode` mimics servers that page differently:
 * 'token' (nextPageToken), 'legacy' (page numbers only), 'stuck' (ignores paging).
 */
function fakeClient(all: K[], mode: 'token' | 'legacy' | 'stuck' = 'token', cap = 1000) {
  const calls: Record<string, unknown>[] = [];
  const client = {
    baseUrl: 'fake:',
    async call(_service: string, _method: string, body: Record<string, unknown>) {
      calls.push(body);
      const hits = all.filter(
        (k) => (!body.language || body.language === k.language) && (!body.kernelType || body.kernelType === k.kernelType),
      );
      if (body.sortBy === 'SCORE_ASCENDING') hits.reverse();
      const size = Number(body.pageSize);
      const offset = mode === 'stuck' ? 0 : body.pageToken ? Number(body.pageToken) : (Number(body.page) - 1) * size;
      const visible = hits.slice(0, cap);
      const kernels = visible.slice(offset, offset + size);
      const next = mode === 'token' && offset + size < visible.length ? String(offset + size) : undefined;
      return { kernels, nextPageToken: next };
    },
  } as unknown as KaggleClient;
  return { client, calls };
}

describe('listAllKernels', () => {
  it('runs one query under the cap and calls it complete', async () => {
    const { client, calls } = fakeClient(Array.from({ length: 250 }, (_, i) => kernel(i)));
    const fresh: number[] = [];
    const r = await listAllKernels(client, { competition: 'c' }, { onPage: (p) => void fresh.push(p.fresh.length) });
    expect(r.kernels).toHaveLength(250);
    expect(r.mayBeIncomplete).toBe(false);
    expect(fresh).toEqual([100, 100, 50]);
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3]);
    expect(calls.every((c) => c.competition === 'c' && c.pageSize === 100)).toBe(true);
  });

  it('splits by language, then kernel type, and proves completeness when every part is under the cap', async () => {
    const all = [
      ...Array.from({ length: 900 }, (_, i) => kernel(i, 'python', i % 2 ? 'script' : 'notebook')),
      ...Array.from({ length: 500 }, (_, i) => kernel(1000 + i, 'python', 'notebook')),
      ...Array.from({ length: 300 }, (_, i) => kernel(2000 + i, 'r')),
    ];
    const { client, calls } = fakeClient(all);
    const r = await listAllKernels(client, {});
    expect(new Set(r.kernels.map((k) => k.ref)).size).toBe(1700);
    expect(r.mayBeIncomplete).toBe(false);
    expect(r.queries).toBe(1 + 4 + 2); // base, 4 languages, python split into 2 kernel types
    expect(calls.some((c) => c.sortBy)).toBe(false);
  });

  it('flags the result when kernels fall outside the split enums', async () => {
    const all = [...Array.from({ length: 200 }, (_, i) => kernel(i, 'rmarkdown')), ...Array.from({ length: 900 }, (_, i) => kernel(1000 + i))];
    const r = await listAllKernels(fakeClient(all).client, {});
    expect(r.kernels).toHaveLength(1100); // the first query saw the rmarkdown ones, the python part the rest
    expect(r.mayBeIncomplete).toBe(true);
    expect(r.cappedQueries).toEqual([]);
  });

  it('falls back to page numbers when Kaggle sends no token', async () => {
    const { client, calls } = fakeClient(Array.from({ length: 230 }, (_, i) => kernel(i)), 'legacy');
    expect((await listAllKernels(client, {})).kernels).toHaveLength(230);
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3]);
  });

  it('stops on a server that ignores paging', async () => {
    const { client, calls } = fakeClient(Array.from({ length: 500 }, (_, i) => kernel(i)), 'stuck');
    const r = await listAllKernels(client, {});
    expect(r.kernels).toHaveLength(100);
    expect(calls).toHaveLength(2);
  });

  it('honours a lower cap for a Kaggle that stops earlier', async () => {
    const { client } = fakeClient(Array.from({ length: 300 }, (_, i) => kernel(i, i % 2 ? 'python' : 'r')), 'token', 200);
    const r = await listAllKernels(client, {}, { cap: 200 });
    expect(r.kernels).toHaveLength(300);
    expect(r.mayBeIncomplete).toBe(false);
  });
});
