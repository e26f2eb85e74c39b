'use client';
import Link from 'next/link';
import { useNotebookExecutions } from '@/components/hooks/useRuns';
import { StatusBadge } from './Badges';
import { formatDuration } from './format';

/**
 * On a notebook page: its reproductions (status, figures, link to the result); on an executed
 * notebook, the original it reproduces.
 */
export function NotebookReproductions({ notebookId }: { notebookId: number }) {
  const { data } = useNotebookExecutions(notebookId);
  const all = data?.executions ?? [];
  // The execution that produced this notebook, when it is itself a reproduction.
  const producedBy = all.find((r) => r.executedNotebookId === notebookId);
  const reproducedFrom = producedBy?.notebookId;
  const rows = producedBy ? [producedBy] : all;
  if (rows.length === 0) return null;
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
          <table className="list">
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-execution={r.id}>
                  <td>
                    <Link href={`/executions/${r.id}`}>#{r.id}</Link> <span className="sub">{new Date(r.finishedAt).toLocaleString('en-GB')}</span>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.exceptionType && <code style={{ fontSize: 12 }}>{r.exceptionType}</code>}
                    {r.failingCell != null && <span className="sub"> in cell {r.failingCell + 1}</span>}
                  </td>
                  <td className="sub">{r.executor}</td>
                  <td className="num">{formatDuration(r.seconds)}</td>
                  <td className="sub" style={{ fontSize: 12.5 }}>
                    figures: {r.figuresSame} same, {r.figuresDifferent} different, {r.figuresNew} new, {r.figuresMissing} missing
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
