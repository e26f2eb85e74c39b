'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useNotebooks } from '@/components/hooks/useNotebooks';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { ReproduceButton } from '@/components/runs/ReproduceButton';
import { NotebookRef } from '@/components/notebook/NotebookRef';
import { plural } from '@/lib/text/plural';
import { OriginSwitch, originWords } from '@/components/ui/OriginSwitch';
import { originOf } from '@/lib/browse/origins';
import { SortIcon } from '@/components/ui/SortIcon';
import { useCanSupervise } from '@/components/hooks/useSession';

const COLUMNS = [
  { key: 'title', label: 'Notebook' },
  { key: 'cells', label: 'Cells', num: true },
  { key: 'visualisations', label: 'Visualisations', num: true },
  { key: 'errors', label: 'Errors', num: true },
  { key: 'imported', label: 'Imported', num: true },
] as const;

export function NotebookList() {
  const params = useSearchParams();
  const router = useRouter();
  const state = {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? 'imported',
    dir: params.get('dir') ?? 'desc',
    status: params.get('status') ?? 'all',
    origin: params.get('origin') ?? 'originals',
    page: Number(params.get('page') ?? 1),
  };
  const [search, setSearch] = useState(state.q);
  // Notebooks ticked for reproduction (kept across pages and searches); coders cannot reproduce, so they get no ticks.
  const supervises = useCanSupervise();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  const set = (patch: Partial<typeof state>) => {
    const next = new URLSearchParams({ ...state, page: '1', ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, String(v)])) });
    router.replace(`/notebooks?${next}`);
  };
  // Search as you type, once typing pauses.
  useEffect(() => {
    if (search === state.q) return;
    const t = setTimeout(() => set({ q: search }), 250);
    return () => clearTimeout(t);
  });

  const { data, error, isPending } = useNotebooks(state);
  const sortBy = (key: string) => set({ sort: key, dir: state.sort === key && state.dir === 'desc' ? 'asc' : 'desc' });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Notebooks</h1>
          <p className="sub" data-testid="notebook-count">{data ? countLine(data, state.origin) : ' '}</p>
        </div>
        <div className="row">
          {selected.size > 0 && (
            <>
              <ReproduceButton target={{ notebookIds: [...selected] }} label={`Reproduce ${selected.size} selected`} primary />
              <button className="btn" onClick={() => setSelected(new Set())}>
                Clear selection
              </button>
            </>
          )}
          <OriginSwitch value={originOf(state.origin)} onChange={(o) => set({ origin: o })} />
          <select aria-label="status" value={state.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="all">All</option>
            <option value="imported">Imported</option>
            <option value="rejected">Rejected</option>
          </select>
          <input type="search" placeholder="Search titles, files, refs…" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="search notebooks" />
        </div>
      </div>
      {error ? (
        <ErrorState error={error} />
      ) : isPending ? (
        <Skeleton height={40} count={8} />
      ) : data.total === 0 ? (
        state.q || state.status !== 'all' || state.origin !== 'originals' ? (
          <EmptyState title="No notebook matches">Try another search or status.</EmptyState>
        ) : (
          <EmptyState title="No notebooks yet" action={supervises ? { href: '/import', label: 'Import notebooks' } : undefined}>
            Upload .ipynb files or a .zip, or run <code>npm run vizmine -- import &lt;folder&gt;</code>.
          </EmptyState>
        )
      ) : (
        <>
          <table className="list">
            <thead>
              <tr>
                <th style={{ width: 28 }}>
                  {supervises && <input
                    type="checkbox"
                    aria-label="select this page's notebooks"
                    checked={data.items.some((n) => n.status === 'imported') && data.items.every((n) => n.status !== 'imported' || selected.has(n.id))}
                    onChange={(e) => toggle(data.items.filter((n) => n.status === 'imported').map((n) => n.id), e.target.checked)}
                  />}
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.key} className={'num' in c ? 'num' : undefined} aria-sort={state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <button onClick={() => sortBy(c.key)}>
                      {c.label} {state.sort === c.key ? <SortIcon dir={state.dir === 'asc' ? 'asc' : 'desc'} /> : null}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((n) => (
                <tr key={n.id}>
                  <td>
                    {supervises && <input type="checkbox" aria-label={`select ${n.title}`} disabled={n.status !== 'imported'} checked={selected.has(n.id)} onChange={(e) => toggle([n.id], e.target.checked)} />}
                  </td>
                  <td>
                    <Link href={`/notebooks/${n.id}`}>{n.title}</Link>
                    <div className="sub" style={{ fontSize: 12 }}>
                      <NotebookRef fileName={n.fileName} kaggleRef={n.kaggleRef} />{' '}
                      {n.status === 'rejected' ? <span className="badge danger" title={n.rejectReason ?? ''}>rejected: {n.rejectReason}</span> : null}
                      {n.originalNbformat === 3 && <span className="badge warn">nbformat 3</span>}
                      {n.libraries.map((l) => (
                        <span key={l} className="badge accent">{l}</span>
                      ))}
                    </div>
                  </td>
                  <td className="num" title={`${n.codeCells} code, ${n.markdownCells} markdown, ${n.rawCells} raw${n.headingCells ? `, ${n.headingCells} heading` : ''}`}>
                    {n.codeCells + n.markdownCells + n.rawCells + n.headingCells}
                  </td>
                  <td className="num">{n.visualisationCount > 0 ? <Link href={`/visualisations?notebook=${n.id}`}>{n.visualisationCount}</Link> : 0}</td>
                  <td className="num">{n.errorOutputs > 0 ? <span className="badge danger">{n.errorOutputs}</span> : 0}</td>
                  <td className="num">{new Date(n.importedAt).toLocaleDateString('en-GB')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="pager">
              <button className="btn" disabled={state.page <= 1} onClick={() => router.replace(`/notebooks?${new URLSearchParams({ ...state, page: String(state.page - 1) })}`)}>
                ← Previous
              </button>
              <span className="sub">
                page {state.page} of {pages}
              </span>
              <button className="btn" disabled={state.page >= pages} onClick={() => router.replace(`/notebooks?${new URLSearchParams({ ...state, page: String(state.page + 1) })}`)}>
                Next →
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

// Says what the number counts: notebooks imported (of the chosen origin), then files rejected.
function countLine(data: { total: number; counts: { imported: number; rejected: number } }, origin: string): string {
  const parts = [`${plural(data.counts.imported, 'notebook')} (${originWords(originOf(origin))})`];
  if (data.counts.rejected) parts.push(plural(data.counts.rejected, 'rejected file'));
  return parts.join(' · ');
}
