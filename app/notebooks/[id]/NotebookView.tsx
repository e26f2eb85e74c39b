'use client';
import Link from 'next/link';
import { useNotebook } from '@/components/hooks/useNotebooks';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { NotebookCells } from '@/components/notebook/NotebookCells';
import { KaggleMeta } from '@/components/notebook/KaggleMeta';
import { NotebookReproduceButton, NotebookReproductions } from '@/components/runs/NotebookReproductions';

export function NotebookView({ id }: { id: number }) {
  const { data, error, isPending } = useNotebook(id);
  if (isPending) return <Skeleton height={80} count={6} />;
  if (error) return <ErrorState error={error} />;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{data.title}</h1>
          <p className="sub">
            {data.fileName} · {data.codeCells} code, {data.markdownCells} markdown{data.rawCells ? `, ${data.rawCells} raw` : ''}{data.headingCells ? `, ${data.headingCells} heading` : ''} cells ·{' '}
            {data.visualisationCount} visualisations · {data.errorOutputs} error outputs
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
        <NotebookCells cells={data.cells} visualisations={data.visualisations} />
      )}
    </>
  );
}
