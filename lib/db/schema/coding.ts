import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { visualisations } from './visualisations';

// Qualitative coding of visualisations: studies, their versioned codebook, samples, assignments,
// individual codings (blind until both coders submit) and consensus codings (kept apart).
// User ids are the auth library's text ids (lib/db/schema/auth.ts).

export const studyRoles = ['supervisor', 'coder'] as const;
export type StudyRole = (typeof studyRoles)[number];

export const studies = pgTable('studies', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  // Open coding: coders may add codes from the workspace while coding; off, only supervisors may.
  openCoding: boolean('open_coding').notNull().default(false),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const studyMembers = pgTable(
  'study_members',
  {
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    role: text('role', { enum: studyRoles }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.userId] }), index('study_members_user_idx').on(t.userId)],
);

export const codeKinds = ['category', 'code'] as const;
export const codeStatuses = ['active', 'deprecated', 'merged'] as const;

// The codebook as it stands today. Its history is in codebook_changes (full before/after snapshots).
export const codes = pgTable(
  'codes',
  {
    id: serial('id').primaryKey(),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'), // a category (or code) of the same study; null = top level
    kind: text('kind', { enum: codeKinds }).notNull().default('code'),
    name: text('name').notNull(),
    shortDefinition: text('short_definition').notNull().default(''),
    definition: text('definition').notNull().default(''),
    whenToUse: text('when_to_use').notNull().default(''),
    whenNotToUse: text('when_not_to_use').notNull().default(''),
    exampleVisualisationIds: bigint('example_visualisation_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    colour: text('colour').notNull().default('#4c78a8'),
    shortcut: text('shortcut'), // one character, unique among a study's active codes
    position: integer('position').notNull().default(0), // order among siblings
    status: text('status', { enum: codeStatuses }).notNull().default('active'),
    mergedIntoId: integer('merged_into_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('codes_study_idx').on(t.studyId, t.parentId)],
);

export const codebookActions = ['create', 'update', 'rename', 'move', 'merge', 'split', 'deprecate', 'import'] as const;

// One row per code touched by a change; rows of one user action share a changeset uuid.
// `after` null means the code left the codebook; `before` null means it was created.
export const codebookChanges = pgTable(
  'codebook_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    changeset: uuid('changeset').notNull(),
    codeId: integer('code_id').notNull(),
    action: text('action', { enum: codebookActions }).notNull(),
    userId: text('user_id').notNull(),
    reason: text('reason').notNull().default(''),
    before: json('before'),
    after: json('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('codebook_changes_study_idx').on(t.studyId, t.at)],
);

// A sample drawn from the gallery's filters; `definition` keeps how (filters, mode, n/percent,
// stratify-by field, seed) so the same sample can be drawn again.
export const samples = pgTable('samples', {
  id: serial('id').primaryKey(),
  studyId: integer('study_id')
    .notNull()
    .references(() => studies.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  definition: json('definition').notNull(),
  overlapPercent: real('overlap_percent').notNull().default(0), // share of items coded by two coders
  order: text('order', { enum: ['random', 'fixed'] }).notNull().default('random'),
  blind: boolean('blind').notNull().default(true),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sampleItems = pgTable(
  'sample_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sampleId: integer('sample_id')
      .notNull()
      .references(() => samples.id, { onDelete: 'cascade' }),
    visualisationId: bigint('visualisation_id', { mode: 'number' })
      .notNull()
      .references(() => visualisations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    stratum: text('stratum'), // the stratify-by field's value, when stratified
  },
  (t) => [uniqueIndex('sample_items_unique').on(t.sampleId, t.visualisationId)],
);

export const assignmentStatuses = ['pending', 'submitted', 'skipped'] as const;

// Which coder codes which item, in which order; the item's memo and flag are the coder's own.
export const assignments = pgTable(
  'assignments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sampleItemId: bigint('sample_item_id', { mode: 'number' })
      .notNull()
      .references(() => sampleItems.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    position: integer('position').notNull(), // the item's place in this coder's queue
    status: text('status', { enum: assignmentStatuses }).notNull().default('pending'),
    flagged: boolean('flagged').notNull().default(false),
    memo: text('memo').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assignments_unique').on(t.sampleItemId, t.userId), index('assignments_user_idx').on(t.userId, t.position)],
);

// A region is a rectangle in the image's own coordinates as fractions (0–1) of its width and height.
export type Region = { x: number; y: number; w: number; h: number };

// One code applied by one coder to one item (optionally to a region of it).
export const codings = pgTable(
  'codings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sampleItemId: bigint('sample_item_id', { mode: 'number' })
      .notNull()
      .references(() => sampleItems.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    codeId: integer('code_id')
      .notNull()
      .references(() => codes.id),
    region: json('region').$type<Region | null>(),
    memo: text('memo').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('codings_item_user_idx').on(t.sampleItemId, t.userId), index('codings_code_idx').on(t.codeId)],
);

// The agreed coding of an item, recorded by a supervisor (or the coders together); never mixed
// with the individual codings agreement is computed from.
export const consensusCodings = pgTable(
  'consensus_codings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sampleItemId: bigint('sample_item_id', { mode: 'number' })
      .notNull()
      .references(() => sampleItems.id, { onDelete: 'cascade' }),
    codeId: integer('code_id')
      .notNull()
      .references(() => codes.id),
    region: json('region').$type<Region | null>(),
    memo: text('memo').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consensus_codings_item_idx').on(t.sampleItemId)],
);

export type Study = typeof studies.$inferSelect;
export type StudyMember = typeof studyMembers.$inferSelect;
export type Code = typeof codes.$inferSelect;
export type CodebookChange = typeof codebookChanges.$inferSelect;
export type Sample = typeof samples.$inferSelect;
export type SampleItem = typeof sampleItems.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Coding = typeof codings.$inferSelect;
export type ConsensusCoding = typeof consensusCodings.$inferSelect;
