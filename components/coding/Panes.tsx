'use client';
import type { WorkItem } from '@/components/hooks/useCoding';
import { CodeBlock } from '@/components/notebook/CodeBlock';
import { Markdown } from '@/components/notebook/Markdown';
import { InteractiveFigure } from '@/components/visualisation/InteractiveFigure';
import type { Region } from '@/lib/db/schema/coding';
import { RegionImage, type ShownRegion } from './RegionImage';
import { cellLabel } from '@/lib/notebooks/cell-label';

/**
 * The figure: its stored image when it has one (zoomable, regions drawable); otherwise (a plotly or
 * Vega figure without a PNG) the interactive figure as the gallery shows it.
 */
export function FigurePane(props: {
  data: WorkItem;
  zoom: number;
  setZoom: (f: (z: number) => number) => void;
  regions: ShownRegion[];
  draft: Region | null;
  drawing: boolean;
  onDraft: (r: Region) => void;
  onDraftDone: () => void;
}) {
  const { data, zoom, setZoom } = props;
  const vis = data.visualisation;
  return (
    <div className="figure-box">
      <div className="toolbar">
        <span className="badge accent">{vis.kind}</span>
        {vis.library && <span className="badge">{vis.library}</span>}
        {vis.blob?.width ? <span>{vis.blob.width}×{vis.blob.height}px</span> : null}
        <span style={{ flex: 1 }} />
        {vis.blob && (
          <span>
            {Math.round(zoom * 100)} % · <span className="kbd">+</span> <span className="kbd">−</span> <span className="kbd">0</span> or wheel
          </span>
        )}
      </div>
      {vis.blob ? (
        <RegionImage
          src={`/api/blobs/${vis.blob.sha256}`}
          alt={`visualisation ${vis.id}`}
          zoom={zoom}
          onZoom={(by) => setZoom((z) => Math.min(8, Math.max(1, z * (by === 1 ? 1.25 : 0.8))))}
          regions={props.regions}
          draft={props.draft}
          drawing={props.drawing}
          onDraft={props.onDraft}
          onDraftDone={props.onDraftDone}
        />
      ) : vis.spec ? (
        <div style={{ padding: 8 }}>
          <InteractiveFigure kind={vis.kind} spec={vis.spec} fallbackSha={null} />
        </div>
      ) : (
        <p className="sub" style={{ padding: 16 }}>This output has neither an image nor a figure spec to show.</p>
      )}
    </div>
  );
}

/** The generating code and the markdown around it, sanitised by the notebook components. */
export function ContextPane({ data }: { data: WorkItem }) {
  const vis = data.visualisation;
  return (
    <div className="ws-context" style={{ minWidth: 0 }}>
      {vis.contextBefore.map(
        (c) =>
          c && (
            <div key={c.position} className="context-md panel" data-testid="context-before">
              <Markdown source={c.source} />
            </div>
          ),
      )}
      <div className="section-title" style={{ marginTop: vis.contextBefore.length ? 16 : 0 }}>
        Generating code · <span data-testid="cell-number">{cellLabel(vis.cellPosition)}</span>
      </div>
      {vis.code ? <CodeBlock code={vis.code.source} /> : <p className="sub">The generating cell was not stored.</p>}
      {vis.contextAfter && (
        <>
          <div className="section-title">Markdown after</div>
          <div className="context-md panel" data-testid="context-after">
            <Markdown source={vis.contextAfter.source} />
          </div>
        </>
      )}
      {!vis.contextBefore.length && !vis.contextAfter && <p className="sub">No markdown around this figure.</p>}
    </div>
  );
}
