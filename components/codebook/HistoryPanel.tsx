'use client';
import { useCodebookHistory } from '@/components/hooks/useCodebook';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { describeCodeChange } from './describe-change';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Who changed what, when and why; each entry can open the codebook as it stood right after it. */
export function HistoryPanel({ studyId, names, onViewAt }: { studyId: number; names: Map<number, string>; onViewAt: (iso: string) => void }) {
  const { data, error, isPending } = useCodebookHistory(studyId);
  if (error) return <ErrorState error={error} />;
  if (isPending) return <Skeleton height={40} count={4} />;
  if (!data.changes.length) return <EmptyState title="No changes yet">Every change to the codebook (who, when, what and why) will be listed here.</EmptyState>;
  const nameOf = (id: number | null) => (id === null ? 'top level' : (names.get(id) ?? `#${id}`));
  return (
    <table className="list" data-testid="codebook-history">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>What</th>
          <th>Why</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {data.changes.map((c) => (
          <tr key={c.changeset}>
            <td style={{ whiteSpace: 'nowrap' }}>{when(c.at)}</td>
            <td>{c.userName ?? c.userId}</td>
            <td>
              <span className="badge accent">{c.action}</span>
              <ul className="cb-change-list">
                {c.codes.map((x) => (
                  <li key={x.codeId}>
                    <strong>{(x.after ?? x.before)?.name}</strong>: {describeCodeChange(x.before, x.after, nameOf)}
                  </li>
                ))}
              </ul>
            </td>
            <td>{c.reason || <span className="sub">—</span>}</td>
            <td>
              <button className="btn" type="button" onClick={() => onViewAt(c.at)} title="See the codebook as it stood right after this change">
                View as of then
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
