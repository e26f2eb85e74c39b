'use client';
import Link from 'next/link';
import { useExecution, type ExecutionDetail } from '@/components/hooks/useRuns';
import { VegaChart } from '@/components/charts/VegaChart';
import { cellDurationsSpec } from '@/components/charts/specs/reproducibility';
import { OutcomeBadge, StatusBadge } from '@/components/runs/Badges';
import { formatDuration } from '@/components/runs/format';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { cellLabel } from '@/lib/notebooks/cell-label';

/** /executions/:id — one reproduction: outcome, failing cell, durations, flags, and each figure beside its original. */
export function ExecutionView({ id }: { id: number }) {
  const { data: e, error, isPending } = useExecution(id);
  if (error) return <ErrorState error={error} />;
  if (isPending) return <Skeleton height={300} />;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="sub">
            <Link href="/runs">Runs</Link> / execution #{e.id}
          </p>
          <h1>
            <Link href={`/notebooks/${e.notebookId}`}>{e.notebookTitle}</Link> <StatusBadge status={e.status} />
          </h1>
          <p className="sub">
            {e.executor}
            {e.image && e.executor === 'container' ? ` (${e.image})` : ''} · worker {e.workerId} · {formatDuration(e.seconds)} · finished{' '}
            {new Date(e.finishedAt).toLocaleString('en-GB')} · configuration {e.configHash}
          </p>
        </div>
        <div className="row">
          {e.executedNotebookId && (
            <Link className="btn" href={`/notebooks/${e.executedNotebookId}`}>
              Executed notebook →
            </Link>
          )}
          <Link className="btn" href={`/runs?job=${e.jobId}`}>
            Log
          </Link>
        </div>
      </div>
      {e.status === 'infrastructure' && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          <strong>An infrastructure error, not the notebook&apos;s.</strong> {e.exceptionMessage ?? 'See the log.'} It is left out of the reproducibility shares; retry the job from <Link href="/runs?state=completed">Runs</Link>.
        </div>
      )}
      {e.exceptionType && e.status !== 'infrastructure' && (
        <div className="error-box" style={{ marginBottom: 12 }} data-testid="exception">
          <code>{e.exceptionType}</code>: {e.exceptionMessage}
          {e.failingCell != null && (
            <>
              {' '}
              — in <Link href={`/notebooks/${e.executedNotebookId ?? e.notebookId}#cell-${e.failingCell}`}>{cellLabel(e.failingCell)}</Link>
            </>
          )}
        </div>
      )}
      <div className="stats">
        <Stat label="figures in the original" value={e.figuresBefore} />
        <Stat label="figures reproduced" value={e.figuresAfter} />
        <Stat label="same" value={e.figuresSame} />
        <Stat label="different" value={e.figuresDifferent} />
        <Stat label="new" value={e.figuresNew} />
        <Stat label="missing" value={e.figuresMissing} />
      </div>
      <div className="grid-2" style={{ marginBottom: 16 }}>
        <div className="panel">
          <h2>Seconds per cell</h2>
          {e.cellSeconds.length ? <VegaChart spec={cellDurationsSpec(e.cellSeconds, e.failingCell)} label="seconds per cell" /> : <p className="sub">No cell ran.</p>}
        </div>
        <div className="panel">
          <h2>The original notebook (static flags)</h2>
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="flags">
            <li>{e.outOfOrder ? <strong>cells were executed out of order</strong> : 'cells were executed in order'}</li>
            <li>{e.skippedCounts ? <strong>execution counts skip numbers (hidden state)</strong> : 'no skipped execution counts'}</li>
            <li>{e.neverExecutedCells > 0 ? <strong>{e.neverExecutedCells} code cells were never executed</strong> : 'every code cell had been executed'}</li>
            {e.missingDatasets.length > 0 && <li>missing datasets: {e.missingDatasets.join(', ')}</li>}
          </ul>
        </div>
      </div>
      <h2>Figures, original beside reproduced</h2>
      {e.pairs.length === 0 ? <p className="sub">Neither the original nor the reproduction has a figure.</p> : <Pairs pairs={e.pairs} />}
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}

type Pair = ExecutionDetail['pairs'][number];

function Pairs({ pairs }: { pairs: Pair[] }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="pairs">
      {pairs.map((p) => (
        <div key={p.id} className="panel" data-outcome={p.outcome}>
          <div className="row" style={{ marginBottom: 8 }}>
            <OutcomeBadge outcome={p.outcome} />
            <span className="sub">{cellLabel(p.cellPosition)}</span>
            {p.distance != null && <span className="sub">· dHash distance {p.distance}</span>}
          </div>
          <div className="grid-2">
            <Figure side="original" v={p.original} />
            <Figure side="reproduced" v={p.reproduced} />
          </div>
        </div>
      ))}
    </div>
  );
}

function Figure({ side, v }: { side: string; v: Pair['original'] }) {
  return (
    <div>
      <div className="section-title" style={{ marginTop: 0 }}>{side}</div>
      {!v ? (
        <div className="empty" style={{ padding: 24 }}>
          <p>{side === 'original' ? 'No figure here in the original.' : 'Not produced by the reproduction.'}</p>
        </div>
      ) : (
        <Link href={`/visualisations/${v.id}`} className="thumb" aria-label={`${side} visualisation ${v.id}`}>
          <div className="img" style={{ height: 240 }}>
            {v.blobSha256 ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/api/blobs/${v.blobSha256}`} alt={`${side} figure`} style={{ maxHeight: 240 }} />
            ) : (
              <span className="kind-tile">{v.kind} figure: open it to see it drawn</span>
            )}
          </div>
          <div className="meta">
            #{v.id} · {v.mime}
          </div>
        </Link>
      )}
    </div>
  );
}
