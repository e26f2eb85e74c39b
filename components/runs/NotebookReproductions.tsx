'use client';
import Link from 'next/link';
import { useNotebookExecutions, useNotebookJobs } from '@/components/hooks/useRuns';
import { JobStateBadge, StatusBadge } from './Badges';
import { ReproduceButton } from './ReproduceButton';
import { formatDuration } from './format';
import { cellLabel } from '@/lib/notebooks/cell-label';

/**
 * On a notebook page: its reproductions (status, figures, link to the result); on an executed
 * notebook, the original it reproduces.
 */
export function NotebookReproductions({ notebookId }: { notebookId: number }) {
  const jobs = useNotebookJobs(notebookId);
  const waiting = (jobs.data?.items ?? []).filter((j) => j.state === 'created' || j.state === 'retry' || j.state === 'active');
  const { data } = useNotebookExecutions(notebookId, waiting.length > 0);
  const all = data?.executions ?? [];
  // The execution that produced this notebook, when it is itself a reproduction.
  const producedBy = all.find((r) => r.executedNotebookId === notebookId);
  const reproducedFrom = producedBy?.notebookId;
  const rows = producedBy ? [producedBy] : all;
  // A job whose result is already recorded is finished, whatever the last poll of the queue said.
  const recorded = new Set(all.map((r) => r.jobId).filter(Boolean));
  const pending = waiting.filter((j) => !recorded.has(j.id));
  if (rows.length === 0 && pending.length === 0) return null;
  return (
    <div className="panel" style={{ marginBottom: 16 }} data-testid="reproductions">
      {reproducedFrom ? (
        <p style={{ margin: 0 }}>
          This notebook is a reproduction: the executed version of <Link href={`/notebooks/${reproducedFrom}`}>the original notebook</Link>
          {rows[0] && (
            <>
              {' '}
              (<Link href={`/executions/${rows[0].id}`}>execution #{rows[0].id}</Link>, <StatusBadge status={rows[0].status} />)
            </>
          )}
          .
        </p>
      ) : (
        <>
          <div className="section-title" style={{ marginTop: 0 }}>Reproductions</div>
          {pending.map((j) => (
            <p key={j.id} className="row" style={{ margin: '0 0 8px' }} data-testid="pending-job">
              <JobStateBadge state={j.state} /> <span className="sub">{j.executor}{j.workerHost ? ` on ${j.workerHost}` : ''}</span>
              <Link href={`/runs?job=${j.id}`}>{j.state === 'active' ? 'live log →' : 'on Runs →'}</Link>
            </p>
          ))}
          {rows.length > 0 && <table className="list">
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-execution={r.id}>
                  <td>
                    <Link href={`/executions/${r.id}`}>#{r.id}</Link> <span className="sub">{new Date(r.finishedAt).toLocaleString('en-GB')}</span>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.exceptionType && <code style={{ fontSize: 12 }}>{r.exceptionType}</code>}
                    {r.failingCell != null && <span className="sub"> in {cellLabel(r.failingCell)}</span>}
                  </td>
                  <td className="sub">{r.executor}</td>
                  <td className="num">{formatDuration(r.seconds)}</td>
                  <td className="sub" style={{ fontSize: 12.5 }}>
                    figures: {r.figuresSame} same, {r.figuresDifferent} different, {r.figuresNew} new, {r.figuresMissing} missing
                  </td>
                </tr>
              ))}
            </tbody>
          </table>}
        </>
      )}
    </div>
  );
}

/**
 * The notebook page's Reproduce button: shown for imported originals, not for an executed notebook
 * (a reproduction is not reproduced again; its original is).
 */
export function NotebookReproduceButton({ notebookId }: { notebookId: number }) {
  const { data } = useNotebookExecutions(notebookId);
  if (!data || data.executions.some((r) => r.executedNotebookId === notebookId)) return null;
  return <ReproduceButton target={{ notebookIds: [notebookId] }} />;
}
