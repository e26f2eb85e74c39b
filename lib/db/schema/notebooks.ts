import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  bigint,
  customType,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// One row per distinct notebook file (by content hash), imported or rejected (not Python).
export const notebooks = pgTable(
  'notebooks',
  {
    id: serial('id').primaryKey(),
    contentHash: text('content_hash').notNull(),
    fileName: text('file_name').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['imported', 'rejected'] }).notNull(),
    rejectReason: text('reject_reason'),
    originalNbformat: smallint('original_nbformat').notNull(),
    nbformatMinor: smallint('nbformat_minor').notNull(),
    language: text('language'),
    kernelName: text('kernel_name'),
    codeCells: integer('code_cells').notNull().default(0),
    markdownCells: integer('markdown_cells').notNull().default(0),
    rawCells: integer('raw_cells').notNull().default(0),
    // nbformat 3 heading cells: stored as markdown cells, counted apart from authored markdown.
    headingCells: integer('heading_cells').notNull().default(0),
    errorOutputs: integer('error_outputs').notNull().default(0),
    visualisationCount: integer('visualisation_count').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    // Set on a notebook that is the executed version of another (a reproduction of it).
    reproducedFrom: integer('reproduced_from').references((): AnyPgColumn => notebooks.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('notebooks_content_hash_idx').on(t.contentHash),
    index('notebooks_title_idx').on(t.title),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What full-text search reads of a cell (lib/search): markdown with English stemming; code with the
 * 'simple' configuration twice over — as written, so a dotted call (`sns.heatmap`) is one token, and
 * with dots as spaces, so `heatmap` alone finds it too (`confusion_matrix` is a phrase of two words).
 * Only a cell's first 100,000 characters are indexed: a tsvector holds at most 1 MB, and a cell of data
 * literals past that would otherwise make its whole notebook fail to import.
 */
export const CELL_SEARCH_SQL = sql`case cell_type
  when 'markdown' then to_tsvector('english'::regconfig, left(source, 100000))
  when 'code' then to_tsvector('simple'::regconfig, left(source, 100000)) || to_tsvector('simple'::regconfig, translate(left(source, 100000), '.', ' '))
  else ''::tsvector end`;

// Cells in notebook order; image payloads in outputs are replaced by {"$blob": sha256} references.
export const cells = pgTable(
  'cells',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notebookId: integer('notebook_id')
      .notNull()
      .references(() => notebooks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    cellType: text('cell_type', { enum: ['code', 'markdown', 'raw'] }).notNull(),
    source: text('source').notNull(),
    executionCount: integer('execution_count'),
    // json, not jsonb: outputs are only ever read back whole, and json skips jsonb's costly parse.
    outputs: json('outputs').$type<unknown[]>().notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    search: tsvector('search').generatedAlwaysAs(CELL_SEARCH_SQL),
  },
  (t) => [
    uniqueIndex('cells_notebook_position_idx').on(t.notebookId, t.position),
    // One full-text index per kind of cell: a search asks markdown with English stemming and code with
    // 'simple' (lib/search), and each half then reads only its own kind's matches; one index over both
    // built the bitmap of every cell holding the words twice (docs/scale.md).
    index('cells_search_markdown_idx').using('gin', t.search).where(sql`${t.cellType} = 'markdown'`),
    index('cells_search_code_idx').using('gin', t.search).where(sql`${t.cellType} = 'code'`),
  ],
);

// Files that could not be imported: which file, what, where. Kept so a batch's report survives.
export const importFailures = pgTable('import_failures', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  contentHash: text('content_hash'),
  code: text('code').notNull(),
  message: text('message').notNull(),
  location: text('location'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Notebook = typeof notebooks.$inferSelect;
export type NewNotebook = typeof notebooks.$inferInsert;
export type Cell = typeof cells.$inferSelect;
export type NewCell = typeof cells.$inferInsert;
export type ImportFailure = typeof importFailures.$inferSelect;
