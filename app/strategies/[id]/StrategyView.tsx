'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeleteStrategy, useDuplicateStrategy, useStrategy } from '@/components/hooks/useStrategies';
import { useCollectionRuns } from '@/components/hooks/useCollectionRuns';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { describeStrategy } from '@/components/strategies/describe';
import { RunsTable } from '@/components/strategies/RunsTable';
import { StrategyEditor } from '@/components/strategies/StrategyEditor';
import { plural } from '@/lib/text/plural';

export function StrategyView({ id }: { id: number }) {
  const router = useRouter();
  const { data, error, isPending } = useStrategy(id);
  const runs = useCollectionRuns({ strategy: id });
  const duplicate = useDuplicateStrategy();
  const remove = useDeleteStrategy();

  if (error) return <ErrorState error={error} />;
  if (isPending) return <Skeleton height={420} />;

  const onDelete = () => {
    const n = runs.data?.runs.length ?? 0;
    if (window.confirm(`Delete the strategy “${data.name}”${n ? ` and its ${plural(n, 'run')}` : ''}? The notebooks it collected stay.`))
      remove.mutate(id, { onSuccess: () => router.push('/strategies') });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <p className="sub">
            <Link href="/strategies">Strategies</Link> /
          </p>
          <h1>{data.name}</h1>
          <p className="sub" data-testid="strategy-summary">
            {describeStrategy(data.definition)}
          </p>
        </div>
        <div className="row">
          <button className="btn" onClick={() => duplicate.mutate(id, { onSuccess: (copy) => router.push(`/strategies/${copy.id}`) })} disabled={duplicate.isPending}>
            Duplicate
          </button>
          <button className="btn" onClick={onDelete} disabled={remove.isPending}>
            Delete
          </button>
        </div>
      </div>
      {(duplicate.error ?? remove.error) && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          {(duplicate.error ?? remove.error)!.message}
        </div>
      )}
      <StrategyEditor key={data.id} strategy={data} />

      <section style={{ marginTop: 28 }}>
        <h2>Runs</h2>
        {runs.error ? (
          <ErrorState error={runs.error} />
        ) : runs.isPending ? (
          <Skeleton height={40} count={2} />
        ) : runs.data.runs.length === 0 ? (
          <p className="sub">Not run yet. Preview it to see what it would collect, then Run it: the notebooks are downloaded and imported in the background.</p>
        ) : (
          <RunsTable runs={runs.data.runs} />
        )}
      </section>
    </>
  );
}
