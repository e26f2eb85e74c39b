import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

// Kaggle's Meta Kaggle CSV dump, imported by lib/kaggle/meta-kaggle/import-meta-kaggle.ts.
// Only the columns a search strategy needs are kept. There are no foreign-key constraints on purpose:
// references are checked by the import's INSERT … WHERE EXISTS (rows that do not resolve are private
// content, dropped and counted), FK triggers would roughly double the per-row cost of bulk loads, and
// Kernels ↔ KernelVersions reference each other. Dates are Meta Kaggle's UTC times.

const id = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const mkUsers = pgTable(
  'mk_users',
  {
    id: id('id').primaryKey(),
    userName: text('user_name'),
    displayName: text('display_name'),
    registerDate: ts('register_date'),
    performanceTier: smallint('performance_tier'),
  },
  (t) => [index('mk_users_user_name_idx').on(sql`lower(${t.userName})`)],
);

export const mkCompetitions = pgTable(
  'mk_competitions',
  {
    id: id('id').primaryKey(),
    slug: text('slug'),
    title: text('title'),
    subtitle: text('subtitle'),
    hostSegmentTitle: text('host_segment_title'), // 'Featured', 'Getting Started', … (the category)
    enabledDate: ts('enabled_date'),
    deadlineDate: ts('deadline_date'),
    totalTeams: integer('total_teams'),
    totalCompetitors: integer('total_competitors'),
    totalSubmissions: integer('total_submissions'),
  },
  (t) => [index('mk_competitions_slug_idx').on(t.slug)],
);

export const mkDatasets = pgTable('mk_datasets', {
  id: id('id').primaryKey(),
  creatorUserId: id('creator_user_id'),
  ownerUserId: id('owner_user_id'),
  ownerOrganizationId: id('owner_organization_id'),
  currentDatasetVersionId: id('current_dataset_version_id'),
  creationDate: ts('creation_date'),
  totalViews: bigint('total_views', { mode: 'number' }),
  totalDownloads: bigint('total_downloads', { mode: 'number' }),
  totalVotes: integer('total_votes'),
  totalKernels: integer('total_kernels'),
});

export const mkDatasetVersions = pgTable(
  'mk_dataset_versions',
  {
    id: id('id').primaryKey(),
    datasetId: id('dataset_id').notNull(),
    creatorUserId: id('creator_user_id'),
    licenseName: text('license_name'),
    creationDate: ts('creation_date'),
    versionNumber: integer('version_number'),
    title: text('title'),
    slug: text('slug'),
  },
  (t) => [index('mk_dataset_versions_dataset_idx').on(t.datasetId)],
);

export const mkKernelLanguages = pgTable('mk_kernel_languages', {
  id: id('id').primaryKey(),
  name: text('name'), // 'Python', 'IPython Notebook HTML', 'R', 'RMarkdown', …
  displayName: text('display_name'),
  isNotebook: boolean('is_notebook'),
});

export const mkKernels = pgTable(
  'mk_kernels',
  {
    id: id('id').primaryKey(),
    authorUserId: id('author_user_id').notNull(),
    currentKernelVersionId: id('current_kernel_version_id'),
    forkParentKernelVersionId: id('fork_parent_kernel_version_id'),
    firstKernelVersionId: id('first_kernel_version_id'),
    creationDate: ts('creation_date'),
    madePublicDate: ts('made_public_date'),
    currentUrlSlug: text('current_url_slug'),
    medal: smallint('medal'), // 1 gold, 2 silver, 3 bronze
    medalAwardDate: ts('medal_award_date'),
    totalViews: bigint('total_views', { mode: 'number' }),
    totalComments: integer('total_comments'),
    totalVotes: integer('total_votes'),
  },
  // The selection joins competition sources (by version id) back to the kernel whose current version it is.
  (t) => [
    index('mk_kernels_current_version_idx').on(t.currentKernelVersionId),
    index('mk_kernels_author_idx').on(t.authorUserId),
  ],
);

// The largest table (tens of millions of rows): only the primary key, so bulk loads stay fast.
export const mkKernelVersions = pgTable('mk_kernel_versions', {
  id: id('id').primaryKey(),
  scriptId: id('script_id').notNull(), // → mk_kernels.id
  parentScriptVersionId: id('parent_script_version_id'),
  scriptLanguageId: id('script_language_id'), // → mk_kernel_languages.id
  authorUserId: id('author_user_id'),
  creationDate: ts('creation_date'),
  versionNumber: integer('version_number'),
  title: text('title'),
  evaluationDate: ts('evaluation_date'),
  totalVotes: integer('total_votes'),
});

export const mkKernelVersionCompetitionSources = pgTable(
  'mk_kernel_version_competition_sources',
  {
    id: id('id').primaryKey(),
    kernelVersionId: id('kernel_version_id').notNull(),
    sourceCompetitionId: id('source_competition_id').notNull(),
  },
  (t) => [
    index('mk_kvcs_version_idx').on(t.kernelVersionId),
    index('mk_kvcs_competition_idx').on(t.sourceCompetitionId, t.kernelVersionId),
  ],
);

export const mkKernelVersionDatasetSources = pgTable(
  'mk_kernel_version_dataset_sources',
  {
    id: id('id').primaryKey(),
    kernelVersionId: id('kernel_version_id').notNull(),
    sourceDatasetVersionId: id('source_dataset_version_id').notNull(), // → mk_dataset_versions.id
  },
  (t) => [
    index('mk_kvds_version_idx').on(t.kernelVersionId),
    index('mk_kvds_dataset_version_idx').on(t.sourceDatasetVersionId),
  ],
);

// One row per CSV file: how far the import got, committed with each batch, so a killed import resumes.
export const mkImportProgress = pgTable('mk_import_progress', {
  file: text('file').primaryKey(), // e.g. 'KernelVersions.csv'
  fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(), // size when started: a different dump is refused
  byteOffset: bigint('byte_offset', { mode: 'number' }).notNull().default(0),
  rowsImported: bigint('rows_imported', { mode: 'number' }).notNull().default(0),
  rowsDropped: bigint('rows_dropped', { mode: 'number' }).notNull().default(0),
  rowsBad: bigint('rows_bad', { mode: 'number' }).notNull().default(0),
  done: boolean('done').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export type MkUser = typeof mkUsers.$inferSelect;
export type MkCompetition = typeof mkCompetitions.$inferSelect;
export type MkDataset = typeof mkDatasets.$inferSelect;
export type MkDatasetVersion = typeof mkDatasetVersions.$inferSelect;
export type MkKernelLanguage = typeof mkKernelLanguages.$inferSelect;
export type MkKernel = typeof mkKernels.$inferSelect;
export type MkKernelVersion = typeof mkKernelVersions.$inferSelect;
export type MkKernelVersionCompetitionSource = typeof mkKernelVersionCompetitionSources.$inferSelect;
export type MkKernelVersionDatasetSource = typeof mkKernelVersionDatasetSources.$inferSelect;
export type MkImportProgress = typeof mkImportProgress.$inferSelect;
