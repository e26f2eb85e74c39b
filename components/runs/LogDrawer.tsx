'use client';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useJob } from '@/components/hooks/useRuns';
import { stripAnsi } from '@/components/notebook/strip-ansi';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { JobStateBadge, StatusBadge } from './Badges';
import { formatDuration } from './format';

/** A side drawer with one job's details and the tail of its stdout/stderr, live while it runs. Esc closes. */
export function LogDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data: job, error, isPending } = useJob(id);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  // Follow the tail as it grows, like `tail -f`.
  useEffect(() => {
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [job?.log]);

  return (
    <aside
      role="dialog"
      aria-label="job log"
      data-testid="log-drawer"
      style={{ position: 'fixed', top: 52, right: 0, bottom: 0, width: 'min(640px, 100vw)', background: 'var(--panel)', borderLeft: '1px solid var(--border)', boxShadow: '-6px 0 18px rgba(20,30,60,.12)', zIndex: 20, display: 'flex', flexDirection: 'column' }}
    >
      <div className="row" style={{ padding: '12px 16px', borderBottom: '1px solid var(--border)', justifyContent: 'space-between' }}>
        <strong>Job log</strong>
        <button className="btn" onClick={onClose} aria-label="close log">
          Close <span className="kbd">Esc</span>
        </button>
      </div>
      <div style={{ padding: 16, overflow: 'auto', flex: 1, display: 'flex', flexDirection: 'column', gap: 10 }}>
        {error ? (
          <ErrorState error={error} />
        ) : isPending ? (
          <Skeleton height={200} />
        ) : (
          <>
            <div>
              <div style={{ fontWeight: 600 }}>{job.notebookId ? <Link href={`/notebooks/${job.notebookId}`}>{job.notebookTitle}</Link> : job.id}</div>
              <div className="sub" style={{ fontSize: 12.5 }}>
                <JobStateBadge state={job.state} /> {job.status && <StatusBadge status={job.status} />} {job.executor} · {job.workerHost ?? 'no worker yet'} ·{' '}
                {job.state === 'active' ? `running for ${formatDuration(job.elapsedSeconds)}` : formatDuration(job.durationSeconds)}
              </div>
              <div className="sub" style={{ fontSize: 11.5, fontFamily: 'var(--mono)' }}>{job.id}</div>
            </div>
            {job.exceptionType && (
              <div className="error-box" style={{ fontSize: 13 }}>
                <code>{job.exceptionType}</code>: {job.exceptionMessage}
              </div>
            )}
            {job.executionId && <Link href={`/executions/${job.executionId}`}>Open the result (figures beside the originals) →</Link>}
            <div className="section-title" style={{ margin: 0 }}>
              {job.logSource === 'live' ? 'stdout / stderr (live)' : job.logSource === 'execution' ? 'stdout / stderr (tail)' : 'output'}
            </div>
            <pre ref={pre} data-testid="job-log" style={{ margin: 0, flex: 1, minHeight: 200, overflow: 'auto', background: '#10141f', color: '#d7dcea', padding: 12, borderRadius: 6, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {job.log ? stripAnsi(job.log) : job.state === 'created' || job.state === 'retry' ? 'Waiting for a worker…' : 'The runner printed nothing on stdout or stderr.'}
            </pre>
          </>
        )}
      </div>
    </aside>
  );
}
