'use client';
import { FigureLabels } from '@/components/analysis/FigureLabels';
import { GeneratingCode } from '@/components/analysis/GeneratingCode';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useVisualisation } from '@/components/hooks/useVisualisations';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { Markdown } from '@/components/notebook/Markdown';
import { InteractiveFigure } from '@/components/visualisation/InteractiveFigure';
import { ZoomableImage } from '@/components/visualisation/ZoomableImage';
import { filterQuery, filtersFrom } from '@/components/visualisation/filters';
import { FigureLinks } from '@/components/runs/FigureLinks';
import { NotebookRef } from '@/components/notebook/NotebookRef';
import { cellLabel } from '@/lib/notebooks/cell-label';

export function VisualisationView({ id }: { id: number }) {
  const params = useSearchParams();
  const router = useRouter();
  const filters = filtersFrom(params);
  const { data, error, isPending } = useVisualisation(id, filters);
  const [zoomed, setZoomed] = useState(false);
  const go = (target: number | null | undefined) => target && router.push(`/visualisations/${target}${filterQuery(filters)}`);

  // ← → move through the gallery (same filters), Z zooms, Esc goes back to the gallery.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'ArrowRight') go(data?.nextId);
      else if (e.key === 'ArrowLeft') go(data?.prevId);
      else if (e.key === 'z') setZoomed((z) => !z);
      else if (e.key === 'Escape') router.push(`/visualisations${filterQuery(filters)}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (isPending) return <Skeleton height={400} />;
  if (error) return <ErrorState error={error} />;
  const blob = data.blob;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Visualisation #{data.id}</h1>
          <p className="sub">
            <Link href={`/notebooks/${data.notebook.id}`}>{data.notebook.title}</Link> · <NotebookRef fileName={data.notebook.fileName} kaggleRef={data.notebook.kaggleRef} /> ·{' '}
            <Link href={`/notebooks/${data.notebook.id}#cell-${data.cellPosition}`} data-testid="cell-number">{cellLabel(data.cellPosition)}</Link>, output {data.outputIndex}
          </p>
        </div>
        <div className="row">
          <button className="btn" onClick={() => go(data.prevId)} disabled={!data.prevId} aria-label="previous visualisation">
            ← Previous
          </button>
          <button className="btn" onClick={() => go(data.nextId)} disabled={!data.nextId} aria-label="next visualisation">
            Next →
          </button>
        </div>
      </div>
      <div className="vis-layout">
        <div>
          <div className="figure-box">
            <div className="toolbar">
              <span className="badge accent">{data.kind}</span>
              <span>{data.mime}</span>
              {blob?.width ? <span>{blob.width}×{blob.height}px</span> : null}
              {data.library && <span className="badge">{data.library}</span>}
              <span style={{ flex: 1 }} />
              <span>
                <span className="kbd">←</span> <span className="kbd">→</span> move{blob ? <> · <span className="kbd">Z</span> zoom</> : null} · <span className="kbd">Esc</span> gallery
              </span>
            </div>
            {data.kind !== 'image' && data.spec ? (
              <div style={{ padding: 8 }}>
                <InteractiveFigure kind={data.kind} spec={data.spec} fallbackSha={blob?.sha256 ?? null} />
              </div>
            ) : blob ? (
              <ZoomableImage src={`/api/blobs/${blob.sha256}`} alt={`visualisation ${data.id}`} zoomed={zoomed} onToggle={() => setZoomed((z) => !z)} />
            ) : null}
          </div>
          <FigureLabels labels={data.labels} />
          <FigureLinks visualisationId={data.id} />
          <Duplicates items={data.duplicates} />
        </div>
        <div>
          {data.contextBefore.length > 0 && (
            <>
              <div className="section-title">Markdown before</div>
              {data.contextBefore.map((c) => c && (
                <div key={c.position} className="context-md panel" data-testid="context-before">
                  <Markdown source={c.source} />
                </div>
              ))}
            </>
          )}
          <GeneratingCode visualisationId={data.id} notebookId={data.notebook.id} cellPosition={data.cellPosition} cellSource={data.code?.source ?? null} slice={data.labels?.slice ?? null} />
          {data.contextAfter && (
            <>
              <div className="section-title">Markdown after</div>
              <div className="context-md panel" data-testid="context-after">
                <Markdown source={data.contextAfter.source} />
              </div>
            </>
          )}
          {!data.contextBefore.length && !data.contextAfter && <p className="sub">This notebook has no markdown around this figure.</p>}
        </div>
      </div>
    </>
  );
}

function Duplicates({ items }: { items: { id: number; notebookId: number; notebookTitle: string; blobSha256: string | null; identical: boolean }[] }) {
  if (items.length === 0) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <div className="section-title">Near-duplicates ({items.length})</div>
      <div className="thumbs" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))' }}>
        {items.map((d) => (
          <Link key={d.id} href={`/visualisations/${d.id}`} className="thumb" title={d.notebookTitle}>
            <div className="img" style={{ height: 90 }}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              {d.blobSha256 && <img src={`/api/blobs/${d.blobSha256}/thumbnail`} alt={`near-duplicate ${d.id}`} style={{ maxHeight: 90 }} />}
            </div>
            <div className="meta">
              <div className="t">{d.notebookTitle}</div>
              {d.identical && <span className="badge">identical</span>}
            </div>
          </Link>
        ))}
      </div>
    </div>
  );
}
