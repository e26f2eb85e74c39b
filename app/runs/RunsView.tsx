'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useJobs, usePauseQueue, useQueueStats, useSummary } from '@/components/hooks/useRuns';
import { QueueHeader } from '@/components/runs/QueueHeader';
import { QueuesTable } from '@/components/runs/QueuesTable';
import { JOB_FILTERS, JobsTable } from '@/components/runs/JobsTable';
import { LogDrawer } from '@/components/runs/LogDrawer';
import { ReproduceButton } from '@/components/runs/ReproduceButton';
import { SummaryPanel } from '@/components/runs/SummaryPanel';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { queryKeys } from '@/lib/query-keys';

/** /runs: every job queue (depth, rate, ETA, failures), the reproduction queue live (depth, throughput, ETA, jobs and their logs) and the reproducibility summary. */
export function RunsView() {
  const params = useSearchParams();
  const router = useRouter();
  const client = useQueryClient();
  const state = params.get('state') ?? 'all';
  const page = Number(params.get('page') ?? 1);
  const jobId = params.get('job');
  const queue = params.get('queue');
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
    router.replace(`/runs?${next}`, { scroll: false });
  };

  const stats = useQueueStats();
  const busy = !!stats.data && stats.data.queues.some((q) => q.waiting + q.depth.active > 0);
  // The jobs list goes with the reproduction header above it, unless a queue is picked in the table.
  const jobs = useJobs({ state, page, ...(queue ? { queue } : { group: 'reproduce' }) }, busy);
  const summary = useSummary(busy);
  const pause = usePauseQueue();

  // When the queue drains, the last results show everywhere (summary, notebooks' new versions).
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      for (const key of [queryKeys.runs.all(), queryKeys.executions.all(), queryKeys.notebooks.all(), queryKeys.visualisations.all(), queryKeys.stats()])
        void client.invalidateQueries({ queryKey: key });
    }
  }, [busy, client]);

  // P pauses or resumes; 1–6 pick a filter.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'p' && stats.data) pause.mutate(!stats.data.paused);
      const f = JOB_FILTERS[Number(e.key) - 1];
      if (f) set({ state: f.key, page: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const pages = jobs.data ? Math.max(1, Math.ceil(jobs.data.total / jobs.data.pageSize)) : 1;
  // Nothing reproduced yet: the reproduce queues are empty (analysis and derivatives jobs run after every import).
  const nothingYet = stats.data && stats.data.queues.filter((q) => q.queue.startsWith('reproduce')).every((q) => Object.values(q.depth).every((n) => n === 0)) && summary.data?.n === 0;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Runs</h1>
          <p className="sub">Notebooks re-executed by the workers, live. <Link href="/workers">Workers →</Link></p>
        </div>
        <ReproduceButton target={{ all: true }} label="Reproduce all notebooks" />
      </div>
      {stats.error ? (
        <ErrorState error={stats.error} />
      ) : !stats.data ? (
        <Skeleton height={160} />
      ) : nothingYet ? (
        <EmptyState title="No reproduction yet">
          Re-execute notebooks to see which still run and whether their figures come out the same: use <strong>Reproduce all notebooks</strong> above,
          the <strong>Reproduce</strong> button on a <Link href="/notebooks">notebook</Link> or on a selection in the notebooks list, or on a{' '}
          <Link href="/strategies">collection run</Link>. The app&apos;s worker picks the jobs up (<code>npm start</code> runs one).
        </EmptyState>
      ) : (
        <>
          <QueueHeader stats={stats.data} />
          <QueuesTable queues={stats.data.queues} selected={queue} onSelect={(q) => set({ queue: q, page: null })} />
          <div className="row" style={{ justifyContent: 'space-between', margin: '8px 0' }}>
            <div className="row" role="tablist" aria-label="job state">
              {JOB_FILTERS.map((f, i) => (
                <button key={f.key} role="tab" aria-selected={state === f.key} className={`btn ${state === f.key ? 'primary' : ''}`} onClick={() => set({ state: f.key, page: null })} title={`Keyboard: ${i + 1}`}>
                  {f.label}
                </button>
              ))}
            </div>
            <span className="sub" style={{ fontSize: 12 }}>
              click a row for its log · <span className="kbd">P</span> pause/resume · <span className="kbd">1</span>–<span className="kbd">6</span> filter
            </span>
          </div>
          {jobs.error ? (
            <ErrorState error={jobs.error} />
          ) : !jobs.data ? (
            <Skeleton height={40} count={5} />
          ) : jobs.data.total === 0 ? (
            <p className="sub" style={{ margin: '16px 0' }}>No job in this state.</p>
          ) : (
            <JobsTable page={jobs.data} selected={jobId} onSelect={(id) => set({ job: id })} />
          )}
          {pages > 1 && (
            <div className="pager">
              <button className="btn" disabled={page <= 1} onClick={() => set({ page: String(page - 1) })}>
                ← Previous
              </button>
              <span className="sub">
                page {page} of {pages}
              </span>
              <button className="btn" disabled={page >= pages} onClick={() => set({ page: String(page + 1) })}>
                Next →
              </button>
            </div>
          )}
          <div style={{ marginTop: 20 }}>{summary.error ? <ErrorState error={summary.error} /> : summary.data ? <SummaryPanel summary={summary.data} /> : <Skeleton height={200} />}</div>
        </>
      )}
      {jobId && <LogDrawer id={jobId} onClose={() => set({ job: null })} />}
    </>
  );
}
