import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { notebooks } from './notebooks';
import { visualisations } from './visualisations';

// What the analysis engine (lib/analysis) found, stored per notebook and per visualisation with the
// analyser's version: a new version re-analyses the corpus, one transaction per notebook, and the old
// rows stay readable until their notebook's new ones replace them.

export const notebookAnalyses = pgTable(
  'notebook_analyses',
  {
    notebookId: integer('notebook_id')
      .primaryKey()
      .references(() => notebooks.id, { onDelete: 'cascade' }),
    analyserVersion: text('analyser_version').notNull(),
    status: text('status', { enum: ['analysed', 'failed'] }).notNull(),
    error: text('error'),
    // The engine's notebook part: lints, cellStages, datasets, models, metrics, outline, testingMentions, syntaxErrors.
    result: jsonb('result').$type<Record<string, unknown>>(),
    // The testing properties the markdown mentions (fairness, drift, …), for cross-tabs without reading `result`.
    testingProperties: text('testing_properties').array().notNull().default([]),
    // Top-level modules the code imports, for the reproduction pre-flight.
    imports: text('imports').array().notNull().default([]),
    analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notebook_analyses_version_idx').on(t.analyserVersion)],
);

export const visualisationLabels = pgTable(
  'visualisation_labels',
  {
    visualisationId: bigint('visualisation_id', { mode: 'number' })
      .primaryKey()
      .references(() => visualisations.id, { onDelete: 'cascade' }),
    notebookId: integer('notebook_id')
      .notNull()
      .references(() => notebooks.id, { onDelete: 'cascade' }),
    analyserVersion: text('analyser_version').notNull(),
    chartType: text('chart_type').notNull(),
    library: text('library').notNull(),
    mlStage: text('ml_stage').notNull(),
    multiPanel: boolean('multi_panel').notNull(),
    // { chartType, library, mlStage, multiPanel } in 0..1
    confidence: jsonb('confidence').$type<Record<string, number>>().notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    // The backward slice: { cells, lines, code } (lib/analysis/types.ts Slice)
    slice: jsonb('slice').$type<{ cells: number[]; lines: Array<[number, number, number]>; code: string }>().notNull(),
    usedOcr: boolean('used_ocr').notNull().default(false),
  },
  (t) => [
    index('vis_labels_notebook_idx').on(t.notebookId),
    index('vis_labels_chart_idx').on(t.chartType),
    index('vis_labels_stage_idx').on(t.mlStage),
    index('vis_labels_library_idx').on(t.library),
  ],
);

export type NotebookAnalysis = typeof notebookAnalyses.$inferSelect;
export type VisualisationLabel = typeof visualisationLabels.$inferSelect;
