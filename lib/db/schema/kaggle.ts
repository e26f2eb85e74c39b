import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { notebooks } from './notebooks';

// Kaggle metadata of a collected notebook (one row per notebook that came from Kaggle).
export const kaggleKernels = pgTable(
  'kaggle_kernels',
  {
    notebookId: integer('notebook_id')
      .primaryKey()
      .references(() => notebooks.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(), // "owner/slug"
    kernelId: bigint('kernel_id', { mode: 'number' }),
    kernelVersionId: bigint('kernel_version_id', { mode: 'number' }),
    title: text('title'),
    author: text('author'),
    votes: integer('votes'),
    versionNumber: integer('version_number'),
    lastRunTime: timestamp('last_run_time', { withTimezone: true }),
    language: text('language'),
    dockerImage: text('docker_image'),
    competitions: text('competitions').array().notNull().default([]),
    datasets: text('datasets').array().notNull().default([]),
    medal: text('medal'),
    // Which form was stored: the API's source has no outputs; the session output may have them.
    storedForm: text('stored_form', { enum: ['source', 'with-outputs', 'meta-kaggle-code'] }).notNull(),
    source: text('source', { enum: ['api', 'meta-kaggle'] }).notNull(),
  },
  (t) => [index('kaggle_kernels_ref_idx').on(t.ref)],
);

// A saved search strategy: Kaggle filters + a scope rule + a sampling rule (lib/kaggle/strategy-schema.ts).
export const strategies = pgTable('strategies', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const runStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

// One execution of a strategy; its progress and cursor live here so a crashed run resumes.
export const strategyRuns = pgTable(
  'strategy_runs',
  {
    id: serial('id').primaryKey(),
    strategyId: integer('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['api', 'meta-kaggle'] }).notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(), // as it was when run
    seed: integer('seed').notNull(),
    status: text('status', { enum: runStatuses }).notNull().default('queued'),
    phase: text('phase'), // e.g. 'listing', 'sampling', 'downloading'
    cursor: jsonb('cursor').$type<Record<string, unknown>>(),
    found: integer('found').notNull().default(0),
    sampled: integer('sampled').notNull().default(0),
    downloaded: integer('downloaded').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    error: text('error'),
    // When its job last reported progress (shown on the run page). Which worker runs it is the job
    // system's business: the run's `collect` job (lib/jobs/definitions/collect.ts).
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('strategy_runs_status_idx').on(t.status)],
);

// The sample a run drew: which notebooks, by which rule, and what became of each.
export const runItems = pgTable(
  'run_items',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => strategyRuns.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    kernelId: bigint('kernel_id', { mode: 'number' }),
    kernelVersionId: bigint('kernel_version_id', { mode: 'number' }),
    title: text('title'),
    author: text('author'),
    competition: text('competition'),
    votes: integer('votes'),
    rank: integer('rank'), // position within its stratum, by the sampling rule's order
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'imported', 'duplicate', 'failed'] }).notNull().default('pending'),
    notebookId: integer('notebook_id').references(() => notebooks.id, { onDelete: 'set null' }),
    error: text('error'),
    selectedAt: timestamp('selected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.ref] }), index('run_items_pending_idx').on(t.runId, t.status)],
);

// Key-value settings; secret values are encrypted at rest (lib/kaggle/credentials.ts).
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  encrypted: boolean('encrypted').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type KaggleKernel = typeof kaggleKernels.$inferSelect;
export type Strategy = typeof strategies.$inferSelect;
export type StrategyRun = typeof strategyRuns.$inferSelect;
export type RunItem = typeof runItems.$inferSelect;
