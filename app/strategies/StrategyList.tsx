'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useKaggleSettings } from '@/components/hooks/useSettings';
import { useDeleteStrategy, useDuplicateStrategy, useStrategies, type StrategySummary } from '@/components/hooks/useStrategies';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { describeStrategy } from '@/components/strategies/describe';
import { RunStatusBadge } from '@/components/strategies/RunStatusBadge';
import { plural } from '@/lib/text/plural';

export function StrategyList() {
  const router = useRouter();
  const { data, error, isPending } = useStrategies();
  const kaggle = useKaggleSettings();
  const duplicate = useDuplicateStrategy();
  const remove = useDeleteStrategy();

  const onDuplicate = (s: StrategySummary) =>
    duplicate.mutate(s.id, { onSuccess: (copy) => router.push(`/strategies/${copy.id}`) });
  const onDelete = (s: StrategySummary) => {
    const runsNote = s.runs > 0 ? ` and its ${plural(s.runs, 'run')}` : '';
    if (window.confirm(`Delete the strategy “${s.name}”${runsNote}? The notebooks it collected stay.`)) remove.mutate(s.id);
  };
  const actionError = duplicate.error ?? remove.error;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Strategies</h1>
          <p className="sub">{data?.strategies.length ? `${data.strategies.length} saved ${data.strategies.length === 1 ? 'strategy' : 'strategies'} for collecting notebooks from Kaggle` : 'Saved rules for collecting notebooks from Kaggle'}</p>
        </div>
        <div className="row">
          <Link className="btn" href="/settings">
            Kaggle credentials
          </Link>
          <Link className="btn primary" href="/strategies/new">
            New strategy
          </Link>
        </div>
      </div>
      {kaggle.data && !kaggle.data.configured && (
        <div className="error-box" role="status" style={{ marginBottom: 12 }}>
          <strong>No Kaggle credentials are configured.</strong> Previews and runs against the Kaggle API need them:{' '}
          <Link href="/settings">add them in Settings</Link> (or set <code>KAGGLE_API_TOKEN</code> where vizmine runs). Runs from imported Meta Kaggle tables work without them.
        </div>
      )}
      {actionError && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          <strong>{duplicate.error ? 'Could not duplicate the strategy.' : 'Could not delete the strategy.'}</strong> {actionError.message}
        </div>
      )}
      {error ? (
        <ErrorState error={error} />
      ) : isPending ? (
        <Skeleton height={48} count={4} />
      ) : data.strategies.length === 0 ? (
        <EmptyState title="No strategies yet" action={{ href: '/strategies/new', label: 'Create a strategy' }}>
          A strategy is a saved, repeatable rule for collecting notebooks from Kaggle: which notebooks (language, kind, search, datasets), from
          which competitions (listed ones, or the top N by notebooks or teams), and how to sample them (top K, top P % per competition, random
          or stratified, with a seed). Preview what it would collect, run it, and cite its sample as a CSV.
        </EmptyState>
      ) : (
        <table className="list" data-testid="strategies">
          <thead>
            <tr>
              <th>Strategy</th>
              <th className="num">Runs</th>
              <th>Last run</th>
              <th>Updated</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.strategies.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/strategies/${s.id}`}>{s.name}</Link>
                  <div className="sub" style={{ fontSize: 12 }}>
                    {describeStrategy(s.definition)}
                  </div>
                </td>
                <td className="num">{s.runs}</td>
                <td>
                  <LastRun id={s.lastRunId} status={s.lastRunStatus} />
                </td>
                <td>{new Date(s.updatedAt).toLocaleDateString('en-GB')}</td>
                <td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <button className="btn" onClick={() => onDuplicate(s)} disabled={duplicate.isPending}>
                    Duplicate
                  </button>{' '}
                  <button className="btn" onClick={() => onDelete(s)} disabled={remove.isPending && remove.variables === s.id} aria-label={`Delete ${s.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function LastRun({ id, status }: { id: number | null; status: StrategySummary['lastRunStatus'] }) {
  if (!id) return <span className="sub">never run</span>;
  return (
    <>
      {status && <RunStatusBadge status={status} />}
      <Link href={`/collection-runs/${id}`}>Run #{id}</Link>
    </>
  );
}
