import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  pgTable,
  real,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { notebooks } from './notebooks';
import { visualisations } from './visualisations';

// Reproduction: notebooks re-executed by workers (jobs live in pg-boss's own schema, `pgboss`).

// missing_datasets: not run, because a data source it reads could not be had (the notebook's
// environment, not its fault); infrastructure: an error of ours. Both are kept apart from the shares.
export const executionStatuses = ['ok', 'exception', 'timeout', 'killed', 'infrastructure', 'missing_datasets'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];
export const executorKinds = ['container', 'host'] as const;
export type ExecutorKind = (typeof executorKinds)[number];

// One finished reproduction job. Written once, in the transaction that imports the executed
// notebook, keyed by the pg-boss job id: a job run again after a crash finds its row and stops.
export const executions = pgTable(
  'executions',
  {
    id: serial('id').primaryKey(),
    jobId: text('job_id').notNull().unique(),
    notebookId: integer('notebook_id')
      .notNull()
      .references(() => notebooks.id, { onDelete: 'cascade' }),
    // The executed notebook, imported as a new version of the original (null when nothing ran).
    executedNotebookId: integer('executed_notebook_id').references(() => notebooks.id, { onDelete: 'set null' }),
    executor: text('executor', { enum: executorKinds }).notNull(),
    image: text('image'),
    configHash: text('config_hash').notNull(),
    // ok / exception / timeout / killed are the notebook's; infrastructure is ours (kept apart).
    status: text('status', { enum: executionStatuses }).notNull(),
    failingCell: integer('failing_cell'), // cell position (all cells, as stored)
    exceptionType: text('exception_type'),
    exceptionMessage: text('exception_message'),
    seconds: real('seconds').notNull(),
    cellSeconds: json('cell_seconds').$type<Record<string, number>>().notNull(),
    missingDatasets: text('missing_datasets').array().notNull().default([]),
    workerId: text('worker_id').notNull(),
    log: text('log').notNull().default(''), // the tail of the runner's stdout/stderr
    // Figures of the original vs the reproduction (see figure_matches for each pair).
    figuresBefore: integer('figures_before').notNull().default(0),
    figuresAfter: integer('figures_after').notNull().default(0),
    figuresSame: integer('figures_same').notNull().default(0),
    figuresDifferent: integer('figures_different').notNull().default(0),
    figuresNew: integer('figures_new').notNull().default(0),
    figuresMissing: integer('figures_missing').notNull().default(0),
    // Static flags of the original notebook, as Pimentel et al. (EMSE 2021) define them.
    outOfOrder: boolean('out_of_order').notNull(),
    skippedCounts: boolean('skipped_counts').notNull(),
    neverExecutedCells: integer('never_executed_cells').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('executions_notebook_idx').on(t.notebookId), index('executions_finished_idx').on(t.finishedAt)],
);

export const figureOutcomes = ['same', 'different', 'new', 'missing'] as const;
export type FigureOutcome = (typeof figureOutcomes)[number];

// Each reproduced figure paired with the original output of the same cell (by order within the cell).
export const figureMatches = pgTable(
  'figure_matches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    executionId: integer('execution_id')
      .notNull()
      .references(() => executions.id, { onDelete: 'cascade' }),
    cellPosition: integer('cell_position').notNull(),
    originalVisualisationId: bigint('original_visualisation_id', { mode: 'number' }).references(() => visualisations.id, { onDelete: 'cascade' }),
    reproducedVisualisationId: bigint('reproduced_visualisation_id', { mode: 'number' }).references(() => visualisations.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: figureOutcomes }).notNull(),
    distance: integer('distance'), // dHash bits (rows + columns) between the two images
  },
  (t) => [index('figure_matches_execution_idx').on(t.executionId)],
);

// Worker processes: registered at start, heartbeat every few seconds, marked stopped on exit.
export const workers = pgTable('workers', {
  id: text('id').primaryKey(), // <host>:<pid>:<random>
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  concurrency: integer('concurrency').notNull(),
  executors: text('executors', { enum: executorKinds }).array().notNull().default([]), // every one it serves, best first; none: reproduction unavailable on it
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  stoppedAt: timestamp('stopped_at', { withTimezone: true }),
});

// Jobs a worker is running now (any queue), with the live tail of their output; removed when the job ends.
export const runningJobs = pgTable('running_jobs', {
  jobId: text('job_id').primaryKey(),
  workerId: text('worker_id').notNull(),
  queue: text('queue'), // null: a row written before every queue shared this table (reproduction)
  notebookId: integer('notebook_id'), // null: a job not about one notebook (derivatives, re-analysis)
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  log: text('log').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Queue-wide switches (pause/resume), shared by every worker through the database.
export const queueControls = pgTable('queue_controls', {
  queue: text('queue').primaryKey(),
  paused: boolean('paused').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// What a runner image provides, read once per image id (a rebuilt image has a new id): the
// top-level Python modules importable in it, for the pre-flight check of notebooks' imports.
export const runnerImages = pgTable('runner_images', {
  imageId: text('image_id').primaryKey(), // the engine's content id (sha256:…)
  name: text('name').notNull(), // the name it was read under (tags move; the id does not)
  python: text('python').notNull(), // its python3 --version
  modules: text('modules').array().notNull(),
  readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RunnerImage = typeof runnerImages.$inferSelect;
export type Execution = typeof executions.$inferSelect;
export type FigureMatch = typeof figureMatches.$inferSelect;
export type Worker = typeof workers.$inferSelect;
export type RunningJob = typeof runningJobs.$inferSelect;
