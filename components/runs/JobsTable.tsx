'use client';
import Link from 'next/link';
import { useCancelJob, useRetryJob, type JobPage } from '@/components/hooks/useRuns';
import { JobStateBadge, StatusBadge } from './Badges';
import { formatDuration } from './format';

export const JOB_FILTERS = [
  { key: 'all', label: 'All' },
  { key: 'active', label: 'Running' },
  { key: 'waiting', label: 'Waiting' },
  { key: 'completed', label: 'Done' },
  { key: 'failed', label: 'Failed' },
  { key: 'cancelled', label: 'Cancelled' },
] as const;

/** The jobs table: notebook, state, worker, time, result, and retry/cancel; a row opens its log. */
export function JobsTable({ page, selected, onSelect }: { page: JobPage; selected: string | null; onSelect: (id: string) => void }) {
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const error = cancel.error ?? retry.error;
  return (
    <>
      {error && (
        <div className="error-box" role="alert" style={{ marginBottom: 8 }}>
          <strong>That did not work.</strong> {error.message}
        </div>
      )}
      <table className="list" data-testid="jobs">
        <thead>
          <tr>
            <th>Notebook</th>
            <th>State</th>
            <th>Worker</th>
            <th className="num">Time</th>
            <th>Result</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {page.items.map((j) => {
            const waiting = j.state === 'created' || j.state === 'retry';
            return (
              <tr key={j.id} data-state={j.state} data-job={j.id} style={{ cursor: 'pointer', background: selected === j.id ? 'var(--accent-soft)' : undefined }} onClick={() => onSelect(j.id)}>
                <td>
                  {j.notebookId ? (
                    <Link href={`/notebooks/${j.notebookId}`} onClick={(e) => e.stopPropagation()}>
                      {j.notebookTitle ?? `Notebook ${j.notebookId}`}
                    </Link>
                  ) : (
                    <strong>{j.queue}</strong>
                  )}
                  <div className="sub" style={{ fontSize: 12 }}>
                    {j.queue} · queued {new Date(j.createdOn).toLocaleTimeString('en-GB')}
                    {j.retryCount > 0 && <> · retry {j.retryCount}</>}
                  </div>
                </td>
                <td>
                  <JobStateBadge state={j.state} />
                </td>
                <td style={{ fontSize: 12.5 }}>{j.workerHost ? <span title={j.workerId ?? ''}>{j.workerHost}</span> : <span className="sub">—</span>}</td>
                <td className="num">{j.state === 'active' ? formatDuration(j.elapsedSeconds) : formatDuration(j.durationSeconds)}</td>
                <td style={{ maxWidth: 380 }}>
                  {j.status ? (
                    <>
                      <StatusBadge status={j.status} />
                      {j.exceptionType && <code style={{ fontSize: 12 }}>{j.exceptionType}</code>}
                      {j.exceptionMessage && <div className="sub" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>{j.exceptionMessage.slice(0, 160)}</div>}
                      {j.executionId && (
                        <div>
                          <Link href={`/executions/${j.executionId}`} onClick={(e) => e.stopPropagation()} style={{ fontSize: 12.5 }}>
                            result →
                          </Link>
                        </div>
                      )}
                    </>
                  ) : j.error ? (
                    <span className="field-error">{j.error.slice(0, 200)}</span>
                  ) : j.output ? (
                    <code style={{ fontSize: 12 }}>{JSON.stringify(j.output).slice(0, 160)}</code>
                  ) : (
                    <span className="sub">—</span>
                  )}
                </td>
                <td style={{ whiteSpace: 'nowrap', textAlign: 'right' }} onClick={(e) => e.stopPropagation()}>
                  {(waiting || j.state === 'active') && (
                    <button className="btn" onClick={() => cancel.mutate(j.id)} disabled={cancel.isPending}>
                      Cancel
                    </button>
                  )}
                  {(j.state === 'failed' || j.state === 'cancelled') && (
                    <button className="btn" onClick={() => retry.mutate(j.id)} disabled={retry.isPending}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
