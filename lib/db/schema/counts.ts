import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

// Counts of figures by the low-cardinality dimensions, so the gallery's facets and the corpus-wide
// cross-tabs sum a few thousand rows instead of counting a million figures (docs/scale.md).
// Kept exact by database triggers (drizzle/0020_figure-counts-triggers.sql): every statement that
// changes a notebook's figures, labels, analysis, Kaggle metadata or executions recomputes that
// notebook's part in the same transaction and appends the difference to the two cubes. The cubes are
// append-only (no hot rows for concurrent imports to wait on); `foldFigureCounts` (lib/analytics/
// counts.ts) sums their rows now and then. Only imported notebooks count.

/** What one notebook contributes: its figures grouped by every counted dimension. */
export const figureCountParts = pgTable(
  'figure_count_parts',
  {
    notebookId: integer('notebook_id').notNull(), // no foreign key: a deleted notebook's part is subtracted, then removed
    reproduction: boolean('reproduction').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    context: boolean('context').notNull(),
    chartType: text('chart_type').notNull(), // 'not_analysed' without a label row
    mlStage: text('ml_stage').notNull(),
    library: text('library').notNull(),
    multiPanel: text('multi_panel').notNull(), // yes / no / not_analysed
    labelled: boolean('labelled').notNull(),
    year: text('year').notNull(),
    reproductionStatus: text('reproduction_status').notNull(),
    testing: text('testing').array().notNull(),
    competitions: text('competitions').array().notNull().default(sql`'{none}'`), // the original's, else {none}
    n: integer('n').notNull(),
  },
  (t) => [index('figure_count_parts_notebook_idx').on(t.notebookId)],
);

// The columns both cubes key by: a fresh set of builders for each table.
const labelKeys = () => ({
  reproduction: boolean('reproduction').notNull(),
  chartType: text('chart_type').notNull(),
  mlStage: text('ml_stage').notNull(),
  library: text('library').notNull(),
});

/** The gallery's cube: all figures, by origin, MIME, kind, context and the four label facets. */
export const galleryCounts = pgTable('gallery_counts', {
  ...labelKeys(),
  mime: text('mime').notNull(),
  kind: text('kind').notNull(),
  context: boolean('context').notNull(),
  multiPanel: text('multi_panel').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
});

/** The analytics cube: labelled figures, by origin, the three labels, year, reproduction status and testing properties. */
export const analyticsCounts = pgTable('analytics_counts', {
  ...labelKeys(),
  year: text('year').notNull(),
  reproductionStatus: text('reproduction_status').notNull(),
  testing: text('testing').array().notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
});

/**
 * Labelled figures by competition and one other dimension at a time (`dimension` is chart_type,
 * ml_stage, library, year, reproduction or testing; '' counts the competition alone): competitions
 * number in the thousands, so crossing them with every other dimension at once would be as big as the
 * parts. A figure counts once under each of its notebook's competitions (and testing properties).
 */
export const competitionCounts = pgTable('competition_counts', {
  reproduction: boolean('reproduction').notNull(),
  competition: text('competition').notNull(),
  dimension: text('dimension').notNull(),
  value: text('value').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
});
