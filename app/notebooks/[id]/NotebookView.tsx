'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { AnalysisTab } from '@/components/analysis/AnalysisTab';
import { HEAD_CELLS, useNotebook, useNotebookHead } from '@/components/hooks/useNotebooks';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { NotebookCells } from '@/components/notebook/NotebookCells';
import { KaggleMeta } from '@/components/notebook/KaggleMeta';
import { NotebookRef } from '@/components/notebook/NotebookRef';
import { plural } from '@/lib/text/plural';
import { cellLabel } from '@/lib/notebooks/cell-label';
import { NotebookReproduceButton, NotebookReproductions } from '@/components/runs/NotebookReproductions';

export function NotebookView({ id }: { id: number }) {
  // The first cells come in a quick request of their own; the whole notebook follows (50,000 cells
  // take seconds to send and parse). A link to a cell past the first ones waits for the whole.
  const head = useNotebookHead(id);
  // Asked for once the first cells are in, so it does not compete with them; not at all for short notebooks.
  const full = useNotebook(id, { enabled: !!head.data && head.data.cellCount > head.data.cells.length });
  const data = full.data ?? head.data;
  const complete = !!full.data || (!!head.data && head.data.cellCount <= head.data.cells.length);
  const error = full.error ?? head.error;
  const params = useSearchParams();
  const router = useRouter();
  const tab = params.get('tab') === 'analysis' ? 'analysis' : 'cells';
  const [jump, setJump] = useState<number | null>(null);
  // Links to a cell (#cell-12) scroll once the cells are there.
  useEffect(() => {
    if (data && tab === 'cells' && location.hash) document.querySelector(location.hash)?.scrollIntoView();
  }, [data, tab, jump]);
  const setTab = (t: 'cells' | 'analysis', cell?: number) => {
    const q = new URLSearchParams(params.toString());
    if (t === 'analysis') q.set('tab', 'analysis');
    else q.delete('tab');
    const qs = q.toString();
    router.replace(`/notebooks/${id}${qs ? `?${qs}` : ''}${cell === undefined ? '' : `#cell-${cell}`}`);
    if (cell !== undefined) setJump(cell);
  };
  if (error) return <ErrorState error={error} />;
  if (!data) return <Skeleton height={80} count={6} />;
  const linked = jump ?? Number(/^#cell-(\d+)$/.exec(typeof window !== 'undefined' ? window.location.hash : '')?.[1] ?? 0);
  const cellsReady = complete || linked < HEAD_CELLS - 20;
  // ?slice=<visualisation id>: that figure's slice, its lines marked across cells.
  const sliceOf = data.visualisations.find((v) => String(v.id) === params.get('slice'))?.labels?.slice;
  const sliceLines = new Map<number, Set<number>>();
  for (const [cell, from, to] of sliceOf?.lines ?? []) {
    const set = sliceLines.get(cell) ?? new Set<number>();
    for (let l = from; l <= to; l++) set.add(l);
    sliceLines.set(cell, set);
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{data.title}</h1>
          <p className="sub">
            <NotebookRef fileName={data.fileName} kaggleRef={data.kaggle?.ref} /> · {data.codeCells} code, {data.markdownCells} markdown{data.rawCells ? `, ${data.rawCells} raw` : ''}{data.headingCells ? `, ${data.headingCells} heading` : ''} cells ·{' '}
            {plural(data.visualisationCount, 'visualisation')} · {plural(data.errorOutputs, 'error output')}
            {data.originalNbformat === 3 ? ' · converted from nbformat 3' : ''}
          </p>
          <div style={{ marginTop: 6 }}>
            {data.libraries.map((l) => (
              <span key={l} className="badge accent">{l}</span>
            ))}
          </div>
        </div>
        <div className="row">
          {data.status === 'imported' && <NotebookReproduceButton notebookId={data.id} />}
          {data.visualisationCount > 0 && (
            <Link className="btn" href={`/visualisations?notebook=${data.id}`}>
              Its visualisations →
            </Link>
          )}
        </div>
      </div>
      {data.kaggle && <KaggleMeta kaggle={data.kaggle} />}
      <NotebookReproductions notebookId={data.id} />
      {data.status === 'imported' && (
        <div className="tabs" role="tablist">
          <button role="tab" className={`btn ${tab === 'cells' ? 'on' : ''}`} aria-selected={tab === 'cells'} onClick={() => setTab('cells')}>Cells</button>
          <button role="tab" className={`btn ${tab === 'analysis' ? 'on' : ''}`} aria-selected={tab === 'analysis'} onClick={() => setTab('analysis')}>Analysis</button>
          {sliceOf && <span className="sub" data-testid="slice-note">Highlighted: the code figure {params.get('slice')} depends on (cells {sliceOf.cells.join(', ')}).</span>}
        </div>
      )}
      {data.status === 'rejected' ? (
        <div className="error-box">Not imported: {data.rejectReason}</div>
      ) : tab === 'analysis' ? (
        <AnalysisTab analysis={data.analysis} onGo={(cell) => setTab('cells', cell)} />
      ) : (
        cellsReady ? <NotebookCells cells={data.cells} total={data.cellCount} visualisations={data.visualisations} sliceLines={sliceLines} jumpTo={jump} /> : <Skeleton height={80} count={6} />
      )}
    </>
  );
}
