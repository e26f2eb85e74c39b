'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isActive, sampleCsvUrl, useCancelRun, useCollectionRun, type RunDetail } from '@/components/hooks/useCollectionRuns';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { Stat } from '@/components/strategies/PreviewResults';
import { ItemStatusBadge, RunStatusBadge, SOURCE_LABELS, when } from '@/components/strategies/RunStatusBadge';
import { queryKeys } from '@/lib/query-keys';
import { ReproduceButton } from '@/components/runs/ReproduceButton';

/** A collection run: live progress while it is queued or running, then what it collected. */
export function RunView({ id }: { id: number }) {
  const router = useRouter();
  const client = useQueryClient();
  const { data: run, error, isPending } = useCollectionRun(id);
  const cancel = useCancelRun(id);

  // Esc goes back to the strategy.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.metaKey || e.ctrlKey || e.altKey) return;
      router.push(run ? `/strategies/${run.strategyId}` : '/strategies');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // When the run finishes, what it imported shows everywhere else too.
  const wasActive = useRef(false);
  useEffect(() => {
    if (!run) return;
    if (isActive(run.status)) wasActive.current = true;
    else if (wasActive.current) {
      wasActive.current = false;
      for (const key of [queryKeys.notebooks.all(), queryKeys.visualisations.all(), queryKeys.stats(), queryKeys.strategies.all(), queryKeys.collectionRuns.all()])
        void client.invalidateQueries({ queryKey: key });
    }
  }, [run, client]);

  if (error) return <ErrorState error={error} />;
  if (isPending) return <Skeleton height={300} />;

  const active = isActive(run.status);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="sub">
            <Link href="/strategies">Strategies</Link> / <Link href={`/strategies/${run.strategyId}`}>{run.strategyName ?? `Strategy ${run.strategyId}`}</Link> /
          </p>
          <h1>
            Run #{run.id} <RunStatusBadge status={run.status} />
          </h1>
          <p className="sub">
            {SOURCE_LABELS[run.source] ?? run.source} · seed {run.seed} · queued {when(run.createdAt)}
            {run.startedAt && <> · started {when(run.startedAt)}</>}
            {run.finishedAt && <> · finished {when(run.finishedAt)}</>}
          </p>
        </div>
        <div className="row">
          {active && (
            <button className="btn" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
              {cancel.isPending ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          <a className="btn" href={sampleCsvUrl(run.id)} download>
            Download sample CSV
          </a>
          {run.imported + run.duplicates > 0 && !active && <ReproduceButton target={{ strategyRunId: run.id }} label="Reproduce its notebooks" />}
          {run.imported > 0 && (
            <Link className="btn primary" href="/visualisations">
              Open the gallery
            </Link>
          )}
        </div>
      </div>

      {cancel.error && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          <strong>Could not cancel.</strong> {cancel.error.message}
        </div>
      )}
      {run.status === 'failed' && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          <strong>The run failed.</strong> {run.error ?? 'No reason was recorded.'}
        </div>
      )}

      <RunProgress run={run} />

      <div className="stats">
        <Stat value={run.found} label="found" testId="run-found" />
        <Stat value={run.sampled} label="sampled" testId="run-sampled" />
        <Stat value={run.downloaded} label="downloaded" testId="run-downloaded" />
        <Stat value={run.imported} label="imported" testId="run-imported" />
        <Stat value={run.duplicates} label="duplicates (already imported)" testId="run-duplicates" />
        <Stat value={run.failed} label="failed" testId="run-failed" />
      </div>

      <h2>Sampled notebooks</h2>
      {run.items.length === 0 ? (
        <p className="sub">{active ? 'The sample is drawn once every candidate has been listed.' : 'This run sampled no notebook.'}</p>
      ) : (
        <>
          {run.items.length < run.sampled && (
            <p className="sub" style={{ marginBottom: 8 }}>
              Showing {run.items.length.toLocaleString('en')} of {run.sampled.toLocaleString('en')}; the CSV has them all.
            </p>
          )}
          <table className="list" data-testid="run-items">
            <thead>
              <tr>
                <th>Notebook</th>
                <th>Competition</th>
                <th className="num">Votes</th>
                <th className="num">Rank</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {run.items.map((it) => (
                <tr key={it.ref} data-status={it.status}>
                  <td>
                    {it.notebookId ? <Link href={`/notebooks/${it.notebookId}`}>{it.title || it.ref}</Link> : <span>{it.title || it.ref}</span>}
                    <div className="sub" style={{ fontSize: 12 }}>
                      <a href={`https://www.kaggle.com/code/${it.ref}`} target="_blank" rel="noreferrer">
                        {it.ref}
                      </a>
                    </div>
                  </td>
                  <td>{it.competition ?? '—'}</td>
                  <td className="num">{it.votes ?? '—'}</td>
                  <td className="num">{it.rank ?? '—'}</td>
                  <td>
                    <ItemStatusBadge status={it.status} title={it.error ?? undefined} />
                    {it.error && <div className="field-error">{it.error}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="sub" style={{ marginTop: 16 }}>
        <span className="kbd">Esc</span> back to the strategy
      </p>
    </>
  );
}

// As lib/jobs/worker-registry.ts WORKER_STALE_AFTER_S: after this silence the run's job goes to another worker.
const STALE_MS = 30_000;

function RunProgress({ run }: { run: RunDetail }) {
  // Every sampled notebook ends imported, duplicate or failed; `downloaded` also counts notebooks
  // that were fetched and then failed to import, so it is not added to `failed` here.
  const processed = Math.min(run.sampled, run.imported + run.duplicates + run.failed);
  const listing = run.status === 'queued' || (run.status === 'running' && run.phase !== 'downloading');
  const pct = run.status === 'done' ? 100 : run.sampled > 0 ? (100 * processed) / run.sampled : 0;
  const label =
    run.status === 'queued' ? 'Waiting for the background worker…'
    : listing ? `Listing notebooks ${run.source === 'api' ? 'on Kaggle' : 'in Meta Kaggle'}… ${run.found.toLocaleString('en')} found`
    : run.status === 'running' ? `Downloading and importing: ${processed.toLocaleString('en')} of ${run.sampled.toLocaleString('en')}`
    : `${processed.toLocaleString('en')} of ${run.sampled.toLocaleString('en')} processed`;
  return (
    <div className="panel" style={{ marginBottom: 16 }}>
      <div className="row">
        <div
          className={`progress ${listing ? 'indeterminate' : ''}`}
          style={{ flex: 1 }}
          role="progressbar"
          aria-label="run progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={listing ? undefined : Math.round(pct)}
        >
          <div style={{ width: listing ? undefined : `${pct}%` }} />
        </div>
        <span className="sub" data-testid="run-progress-label">
          {label}
        </span>
      </div>
      <p className="sub" style={{ marginTop: 6, fontSize: 12 }}>
        {isActive(run.status) ? (
          <>
            phase: {run.phase ?? 'waiting'}
            {run.heartbeatAt && <> · last heard from the worker at {new Date(run.heartbeatAt).toLocaleTimeString('en-GB')}</>}
            {run.heartbeatAt && Date.now() - Date.parse(run.heartbeatAt) > STALE_MS && (
              <>
                {' '}
                <span className="badge warn">the worker has stopped reporting; another will resume the run</span>
              </>
            )}
          </>
        ) : run.startedAt && run.finishedAt ? (
          <>took {duration(Date.parse(run.finishedAt) - Date.parse(run.startedAt))}</>
        ) : (
          <>never started</>
        )}
      </p>
    </div>
  );
}

/** 7 s, 3 min 20 s, 2 h 5 min */
function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
