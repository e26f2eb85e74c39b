// Which Meta Kaggle CSV goes into which mk_ table (lib/db/schema/meta-kaggle.ts), column by column.
// CSV columns are matched by name, case-insensitively; others in the file are ignored.

/**
 * The column's SQL type, which is also how COPY reads the CSV value: a value that does not parse as it
 * (a non-numeric id, "12.0" for an integer, an out-of-range number, an impossible date) makes the row bad.
 * Timestamps are read with DateStyle MDY in UTC, so Meta Kaggle's `MM/DD/YYYY HH:MM:SS` (and ISO) parse.
 */
export type ColType = 'bigint' | 'integer' | 'smallint' | 'text' | 'timestamptz' | 'boolean';

export interface ColSpec {
  csv: string; // Meta Kaggle column name
  col: string; // mk_ table column
  type: ColType;
  required?: boolean; // missing from the header → error; empty in a row → the row is bad
}

export interface FileSpec {
  file: string;
  table: string;
  optional?: boolean; // a dump without it is imported without it (with a note)
  columns: ColSpec[];
  // References checked in the INSERT itself: rows whose `col` has no row in `table` are dropped (private content).
  refs: { col: string; table: string }[];
}

const c = (csv: string, col: string, type: ColType, required = false): ColSpec => ({ csv, col, type, required });
const ID = (csv = 'Id', col = 'id') => c(csv, col, 'bigint', true);

// In dependency order: a file's references point only at files before it.
export const META_KAGGLE_FILES: FileSpec[] = [
  {
    file: 'Users.csv',
    table: 'mk_users',
    columns: [ID(), c('UserName', 'user_name', 'text'), c('DisplayName', 'display_name', 'text'),
      c('RegisterDate', 'register_date', 'timestamptz'), c('PerformanceTier', 'performance_tier', 'smallint')],
    refs: [],
  },
  {
    file: 'Competitions.csv',
    table: 'mk_competitions',
    optional: true,
    columns: [ID(), c('Slug', 'slug', 'text'), c('Title', 'title', 'text'), c('Subtitle', 'subtitle', 'text'),
      c('HostSegmentTitle', 'host_segment_title', 'text'), c('EnabledDate', 'enabled_date', 'timestamptz'),
      c('DeadlineDate', 'deadline_date', 'timestamptz'), c('TotalTeams', 'total_teams', 'integer'),
      c('TotalCompetitors', 'total_competitors', 'integer'), c('TotalSubmissions', 'total_submissions', 'integer')],
    refs: [],
  },
  {
    file: 'Datasets.csv',
    table: 'mk_datasets',
    optional: true,
    columns: [ID(), c('CreatorUserId', 'creator_user_id', 'bigint'), c('OwnerUserId', 'owner_user_id', 'bigint'),
      c('OwnerOrganizationId', 'owner_organization_id', 'bigint'),
      c('CurrentDatasetVersionId', 'current_dataset_version_id', 'bigint'), c('CreationDate', 'creation_date', 'timestamptz'),
      c('TotalViews', 'total_views', 'bigint'), c('TotalDownloads', 'total_downloads', 'bigint'),
      c('TotalVotes', 'total_votes', 'integer'), c('TotalKernels', 'total_kernels', 'integer')],
    refs: [],
  },
  {
    file: 'DatasetVersions.csv',
    table: 'mk_dataset_versions',
    optional: true,
    columns: [ID(), ID('DatasetId', 'dataset_id'), c('CreatorUserId', 'creator_user_id', 'bigint'),
      c('LicenseName', 'license_name', 'text'), c('CreationDate', 'creation_date', 'timestamptz'),
      c('VersionNumber', 'version_number', 'integer'), c('Title', 'title', 'text'), c('Slug', 'slug', 'text')],
    refs: [{ col: 'dataset_id', table: 'mk_datasets' }],
  },
  {
    file: 'KernelLanguages.csv',
    table: 'mk_kernel_languages',
    columns: [ID(), c('Name', 'name', 'text'), c('DisplayName', 'display_name', 'text'),
      c('IsNotebook', 'is_notebook', 'boolean')],
    refs: [],
  },
  {
    file: 'Kernels.csv',
    table: 'mk_kernels',
    columns: [ID(), ID('AuthorUserId', 'author_user_id'),
      c('CurrentKernelVersionId', 'current_kernel_version_id', 'bigint'),
      c('ForkParentKernelVersionId', 'fork_parent_kernel_version_id', 'bigint'),
      c('FirstKernelVersionId', 'first_kernel_version_id', 'bigint'), c('CreationDate', 'creation_date', 'timestamptz'),
      c('MadePublicDate', 'made_public_date', 'timestamptz'), c('CurrentUrlSlug', 'current_url_slug', 'text'),
      c('Medal', 'medal', 'smallint'), c('MedalAwardDate', 'medal_award_date', 'timestamptz'),
      c('TotalViews', 'total_views', 'bigint'), c('TotalComments', 'total_comments', 'integer'),
      c('TotalVotes', 'total_votes', 'integer')],
    // The API ref is UserName/CurrentUrlSlug: a kernel without its author cannot be named.
    refs: [{ col: 'author_user_id', table: 'mk_users' }],
  },
  {
    file: 'KernelVersions.csv',
    table: 'mk_kernel_versions',
    columns: [ID(), ID('ScriptId', 'script_id'), c('ParentScriptVersionId', 'parent_script_version_id', 'bigint'),
      c('ScriptLanguageId', 'script_language_id', 'bigint'), c('AuthorUserId', 'author_user_id', 'bigint'),
      c('CreationDate', 'creation_date', 'timestamptz'), c('VersionNumber', 'version_number', 'integer'),
      c('Title', 'title', 'text'), c('EvaluationDate', 'evaluation_date', 'timestamptz'),
      c('TotalVotes', 'total_votes', 'integer')],
    refs: [{ col: 'script_id', table: 'mk_kernels' }],
  },
  {
    file: 'KernelVersionCompetitionSources.csv',
    table: 'mk_kernel_version_competition_sources',
    optional: true,
    columns: [ID(), ID('KernelVersionId', 'kernel_version_id'), ID('SourceCompetitionId', 'source_competition_id')],
    refs: [{ col: 'kernel_version_id', table: 'mk_kernel_versions' }, { col: 'source_competition_id', table: 'mk_competitions' }],
  },
  {
    file: 'KernelVersionDatasetSources.csv',
    table: 'mk_kernel_version_dataset_sources',
    optional: true,
    columns: [ID(), ID('KernelVersionId', 'kernel_version_id'), ID('SourceDatasetVersionId', 'source_dataset_version_id')],
    refs: [{ col: 'kernel_version_id', table: 'mk_kernel_versions' },
      { col: 'source_dataset_version_id', table: 'mk_dataset_versions' }],
  },
];
