import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { DIMENSION_JOINS, DIMENSION_SQL, type Dimension } from './dimensions';
import type { Population } from './population';

export interface CrossTabCell {
  row: string;
  col: string;
  count: number;
}

/**
 * Counts of labelled visualisations in the population by `rows` × `cols` (or by `rows` alone, with
 * col '' for every cell). One query; the competition and year come from the original's Kaggle
 * metadata (a reproduction has none of its own). The whole corpus is read from the analytics cube
 * where its dimensions allow; `live` counts the labels themselves (tests and the bench compare).
 */
export async function crossTab(db: Db, pop: Population, rows: Dimension, cols?: Dimension, opts: { live?: boolean } = {}): Promise<CrossTabCell[]> {
  if (!opts.live && pop.source === 'corpus' && rows in CUBE_VALUE && (!cols || cols in CUBE_VALUE)) return crossTabFromCube(db, pop, rows, cols);
  if (!opts.live && pop.source === 'corpus' && !pop.stages?.length && (rows === 'competition') !== (cols === 'competition')) {
    return crossTabByCompetition(db, pop, rows === 'competition' ? cols : rows, rows === 'competition');
  }
  const colJoin = cols ? sql.raw(`cross join lateral (${DIMENSION_SQL[cols]}) c`) : sql.raw('');
  const colValue = cols ? sql.raw('c.v') : sql.raw(`''`);
  const joins = sql.raw([...new Set([rows, cols].map((d) => (d ? DIMENSION_JOINS[d] : undefined)).filter(Boolean))].join('\n'));
  // The label row carries the figure's notebook: the visualisations table itself is not read.
  const result = await db.execute<{ row: string | null; col: string | null; count: number }>(sql`
    select r.v as row, ${colValue} as col, count(*)::int as count
    from visualisation_labels l
    join notebooks n on n.id = l.notebook_id
    left join kaggle_kernels k on k.notebook_id = coalesce(n.reproduced_from, n.id)
    left join notebook_analyses a on a.notebook_id = n.id
    ${joins}
    cross join lateral (${sql.raw(DIMENSION_SQL[rows])}) r
    ${colJoin}
    where ${populationWhere(pop)}
    group by 1, 2
    order by 1, 2`);
  return result.map((r) => ({ row: r.row ?? 'unknown', col: r.col ?? 'unknown', count: Number(r.count) }));
}

function populationWhere(pop: Population): SQL {
  const parts: SQL[] = [sql`n.status = 'imported'`];
  if (pop.origin === 'originals') parts.push(sql`n.reproduced_from is null`);
  if (pop.origin === 'reproductions') parts.push(sql`n.reproduced_from is not null`);
  // A run's reproductions belong to it through their original.
  if (pop.source === 'run') parts.push(sql`coalesce(n.reproduced_from, n.id) in (select ri.notebook_id from run_items ri where ri.run_id = ${pop.id ?? 0} and ri.notebook_id is not null)`);
  if (pop.source === 'sample') parts.push(sql`l.visualisation_id in (select si.visualisation_id from sample_items si where si.sample_id = ${pop.id ?? 0})`);
  if (pop.stages?.length) parts.push(sql`l.ml_stage in (${sql.join(pop.stages.map((s) => sql`${s}`), sql`, `)})`);
  return sql.join(parts, sql` and `);
}

// The whole corpus by dimensions the analytics cube carries (analytics_counts, kept exact by triggers:
// drizzle/0020): a sum over a few thousand rows instead of a pass over every label. Competitions have
// thousands of values and have a cube of their own (below); samples and runs are small populations,
// counted live.
const CUBE_VALUE: Partial<Record<Dimension, string>> = {
  chart_type: 'select x.chart_type as v',
  ml_stage: 'select x.ml_stage as v',
  library: 'select x.library as v',
  year: 'select x.year as v',
  reproduction: 'select x.reproduction_status as v',
  testing: 'select unnest(x.testing) as v',
};

async function crossTabFromCube(db: Db, pop: Population, rows: Dimension, cols?: Dimension): Promise<CrossTabCell[]> {
  const where: SQL[] = [];
  if (pop.origin === 'originals') where.push(sql`not x.reproduction`);
  if (pop.origin === 'reproductions') where.push(sql`x.reproduction`);
  if (pop.stages?.length) where.push(sql`x.ml_stage in (${sql.join(pop.stages.map((s) => sql`${s}`), sql`, `)})`);
  const result = await db.execute<{ row: string; col: string; count: number }>(sql`
    select r.v as row, ${cols ? sql.raw('c.v') : sql.raw(`''`)} as col, sum(x.n)::bigint as count
    from analytics_counts x
    cross join lateral (${sql.raw(CUBE_VALUE[rows]!)}) r
    ${cols ? sql.raw(`cross join lateral (${CUBE_VALUE[cols]}) c`) : sql``}
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    group by 1, 2
    having sum(x.n) > 0
    order by 1, 2`);
  return result.map((r) => ({ row: r.row, col: r.col, count: Number(r.count) }));
}

// The whole corpus by competition and at most one other dimension, from competition_counts (kept by the
// same triggers). Under a stage filter, or competition × competition, the count is live.
async function crossTabByCompetition(db: Db, pop: Population, other: Dimension | undefined, competitionOnRows: boolean): Promise<CrossTabCell[]> {
  const where: SQL[] = [sql`x.dimension = ${other ?? ''}`];
  if (pop.origin === 'originals') where.push(sql`not x.reproduction`);
  if (pop.origin === 'reproductions') where.push(sql`x.reproduction`);
  const result = await db.execute<{ competition: string; value: string; count: number }>(sql`
    select x.competition, x.value, sum(x.n)::bigint as count
    from competition_counts x
    where ${sql.join(where, sql` and `)}
    group by 1, 2
    having sum(x.n) > 0
    order by ${competitionOnRows ? sql`1, 2` : sql`2, 1`}`);
  return result.map((r) =>
    competitionOnRows ? { row: r.competition, col: r.value, count: Number(r.count) } : { row: r.value, col: r.competition, count: Number(r.count) },
  );
}
