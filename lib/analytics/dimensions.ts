// The dimensions a cross-tab can put on its rows and columns, each as one SQL expression over the
// population's rows `p` (one row per visualisation: p.vis_id, p.notebook_id, plus the joins below).
// Competitions and testing properties are many-valued: a figure counts once under each of its
// notebook's values (unnested), and "none" when it has none.
export const DIMENSIONS = ['chart_type', 'ml_stage', 'library', 'competition', 'year', 'reproduction', 'testing'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  chart_type: 'Chart type',
  ml_stage: 'ML stage',
  library: 'Library',
  competition: 'Competition',
  year: 'Year (Kaggle last run, else import)',
  reproduction: 'Reproduction status',
  testing: 'Testing property mentioned',
};

/** Whether the dimension can give one figure several values (then counts are of figure × value pairs). */
export const MULTI_VALUED: ReadonlySet<Dimension> = new Set(['competition', 'testing']);

/**
 * The SQL (text, built only from these constants) of a lateral subquery giving the dimension's value(s)
 * `v` for a population row: lateral, so two many-valued dimensions cross instead of zipping.
 */
export const DIMENSION_SQL: Record<Dimension, string> = {
  chart_type: 'select l.chart_type as v',
  ml_stage: 'select l.ml_stage as v',
  library: 'select l.library as v',
  competition: `select unnest(case when cardinality(k.competitions) > 0 then k.competitions else array['none'] end) as v`,
  year: `select extract(year from coalesce(k.last_run_time, n.imported_at))::int::text as v`,
  // The latest execution of the figure's original (or of the original it reproduces): see DIMENSION_JOINS.
  reproduction: `select coalesce(e.status, 'not reproduced') as v`,
  testing: `select unnest(case when cardinality(a.testing_properties) > 0 then a.testing_properties else array['none'] end) as v`,
};

/**
 * A join a dimension reads besides the population's own. The latest execution per notebook is found
 * once for all notebooks (one hash join) rather than by a lookup per figure: over a million figures the
 * lookups cost seconds (bench/scale.ts).
 */
export const DIMENSION_JOINS: Partial<Record<Dimension, string>> = {
  reproduction: `left join (select distinct on (notebook_id) notebook_id, status from executions order by notebook_id, finished_at desc, id desc) e
    on e.notebook_id = coalesce(n.reproduced_from, n.id)`,
};
