'use client';
import Link from 'next/link';
import { useEffect } from 'react';
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
  // Links to a cell (#cell-12) scroll once the cells are there.
  useEffect(() => {
    if (data && location.hash) document.querySelector(location.hash)?.scrollIntoView();
  }, [data]);
  if (isPending) return <Skeleton height={80} count={6} />;
  if (error) return <ErrorState error={error} />;

  const visAt = new Map<string, OutputVisualisation>();
  for (const v of data.visualisations) visAt.set(`${v.cellPosition}:${v.outputIndex}`, v);
  const highlighted = typeof window !== 'undefined' ? window.location.hash.slice(1) : '';

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
      {data.status === 'rejected' ? (
        <div className="error-box">Not imported: {data.rejectReason}</div>
      ) : (
        <div className="nb">
          {data.cells.map((cell) => (
            <div key={cell.id} id={`cell-${cell.position}`} className={`cell ${highlighted === `cell-${cell.position}` ? 'highlight' : ''}`}>
              <div className="prompt" title={cellLabel(cell.position)}>{cell.cellType === 'code' ? `[${cell.executionCount ?? ' '}]` : ''}</div>
              <div>
                {cell.cellType === 'markdown' ? (
                  <Markdown source={cell.source} />
                ) : cell.cellType === 'raw' ? (
                  <pre className="output">{cell.source}</pre>
                ) : (
                  <>
                    <CodeBlock code={cell.source} />
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
