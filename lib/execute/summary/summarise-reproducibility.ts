import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { latestExecutions } from './latest-executions';
import { runBlockers, type Blocker } from './run-blockers';

const TOP_EXCEPTIONS = 10;

export interface ReproducibilitySummary {
  n: number; // executions summarised (latest per notebook and configuration), infrastructure errors included
  notebookOutcomes: number; // n without infrastructure errors and notebooks not run for missing data: the denominator of the shares
  missingDatasets: number; // not run: a data source they read is missing (their environment, not their fault)
  counts: { ok: number; exception: number; timeout: number; killed: number; infrastructure: number };
  shares: { ok: number | null; exception: number | null; timeout: number | null; killed: number | null };
  topExceptions: Array<{ type: string; count: number }>;
  figures: { pairs: number; same: number; different: number; new: number; missing: number; sameRate: number | null };
  staticFlags: { outOfOrder: number; skippedCounts: number; neverExecuted: number; outOfOrderShare: number | null; skippedCountsShare: number | null; neverExecutedShare: number | null };
  medianSeconds: number | null; // of the notebook outcomes
  blockers: Blocker[]; // missing modules and data sources, by notebooks stopped
}

/**
 * The figures a paper reports about a reproduction experiment. Infrastructure errors (ours, not the
 * notebook's) are counted apart and left out of every share; static flags describe the original
 * notebooks, so their shares are over every summarised execution.
 */
export async function summariseReproducibility(db: Db, opts: { configHash?: string } = {}): Promise<ReproducibilitySummary> {
  const latest = latestExecutions(opts.configHash);
  const [[agg], exceptions, blockers] = await Promise.all([
    db.execute<{
      n: number; ok: number; exception: number; timeout: number; killed: number; infrastructure: number; missing_datasets: number;
      same: number; different: number; new: number; missing: number; out_of_order: number; skipped: number; never: number; median: number | null;
    }>(sql`
      select count(*)::int as n,
        count(*) filter (where status = 'ok')::int as ok,
        count(*) filter (where status = 'exception')::int as exception,
        count(*) filter (where status = 'timeout')::int as timeout,
        count(*) filter (where status = 'killed')::int as killed,
        count(*) filter (where status = 'infrastructure')::int as infrastructure,
        count(*) filter (where status = 'missing_datasets')::int as missing_datasets,
        coalesce(sum(figures_same) filter (where status not in ('infrastructure', 'missing_datasets')), 0)::int as same,
        coalesce(sum(figures_different) filter (where status not in ('infrastructure', 'missing_datasets')), 0)::int as different,
        coalesce(sum(figures_new) filter (where status not in ('infrastructure', 'missing_datasets')), 0)::int as new,
        coalesce(sum(figures_missing) filter (where status not in ('infrastructure', 'missing_datasets')), 0)::int as missing,
        count(*) filter (where out_of_order)::int as out_of_order,
        count(*) filter (where skipped_counts)::int as skipped,
        count(*) filter (where never_executed_cells > 0)::int as never,
        percentile_cont(0.5) within group (order by seconds) filter (where status not in ('infrastructure', 'missing_datasets')) as median
      from ${latest} e`),
    db.execute<{ type: string; count: number }>(sql`
      select coalesce(exception_type, '(unknown)') as type, count(*)::int as count
      from ${latest} e where status = 'exception'
      group by 1 order by 2 desc, 1 limit ${TOP_EXCEPTIONS}`),
    runBlockers(db, latest),
  ]);
  const outcomes = agg.n - agg.infrastructure - agg.missing_datasets;
  const share = (k: number, of: number) => (of > 0 ? k / of : null);
  const pairs = agg.same + agg.different;
  return {
    n: agg.n,
    notebookOutcomes: outcomes,
    missingDatasets: agg.missing_datasets,
    counts: { ok: agg.ok, exception: agg.exception, timeout: agg.timeout, killed: agg.killed, infrastructure: agg.infrastructure },
    shares: { ok: share(agg.ok, outcomes), exception: share(agg.exception, outcomes), timeout: share(agg.timeout, outcomes), killed: share(agg.killed, outcomes) },
    topExceptions: [...exceptions],
    figures: { pairs, same: agg.same, different: agg.different, new: agg.new, missing: agg.missing, sameRate: share(agg.same, pairs) },
    staticFlags: {
      outOfOrder: agg.out_of_order,
      skippedCounts: agg.skipped,
      neverExecuted: agg.never,
      outOfOrderShare: share(agg.out_of_order, agg.n),
      skippedCountsShare: share(agg.skipped, agg.n),
      neverExecutedShare: share(agg.never, agg.n),
    },
    medianSeconds: agg.median == null ? null : Number(agg.median),
    blockers,
  };
}
