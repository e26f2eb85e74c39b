'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { AnalysisTab } from '@/components/analysis/AnalysisTab';
import { useNotebook } from '@/components/hooks/useNotebooks';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { Markdown } from '@/components/notebook/Markdown';
import { CodeBlock } from '@/components/notebook/CodeBlock';
import { Output, type OutputVisualisation } from '@/components/notebook/Output';
import type { NbOutput } from '@/lib/notebooks/types';
import { KaggleMeta } from '@/components/notebook/KaggleMeta';
import { NotebookRef } from '@/components/notebook/NotebookRef';
import { plural } from '@/lib/text/plural';
import { cellLabel } from '@/lib/notebooks/cell-label';
import { NotebookReproduceButton, NotebookReproductions } from '@/components/runs/NotebookReproductions';

export function NotebookView({ id }: { id: number }) {
  const { data, error, isPending } = useNotebook(id);
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
  if (isPending) return <Skeleton height={80} count={6} />;
  if (error) return <ErrorState error={error} />;

  const visAt = new Map<string, OutputVisualisation>();
  for (const v of data.visualisations) visAt.set(`${v.cellPosition}:${v.outputIndex}`, v);
  const highlighted = jump !== null ? `cell-${jump}` : typeof window !== 'undefined' ? window.location.hash.slice(1) : '';
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
        <div className="nb">
          {data.cells.map((cell) => (
            <div key={cell.id} id={`cell-${cell.position}`} className={`cell ${highlighted === `cell-${cell.position}` ? 'highlight' : ''} ${sliceLines.has(cell.position) ? 'in-slice' : ''}`}>
              <div className="prompt" title={cellLabel(cell.position)}>{cell.cellType === 'code' ? `[${cell.executionCount ?? ' '}]` : ''}</div>
              <div>
                {cell.cellType === 'markdown' ? (
                  <Markdown source={cell.source} />
                ) : cell.cellType === 'raw' ? (
                  <pre className="output">{cell.source}</pre>
                ) : (
                  <>
                    <CodeBlock code={cell.source} marked={sliceLines.get(cell.position)} />
                    {(cell.outputs as NbOutput[]).map((o, i) => (
                      <Output key={i} output={o} visualisation={visAt.get(`${cell.position}:${i}`)} />
                    ))}
                  </>
                )}
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
