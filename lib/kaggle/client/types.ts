// Shapes of the Kaggle public API (kagglesdk, early 2026; see /work/shared/docs/kaggle-api.md).
// Every field is optional because Kaggle omits null fields from its JSON.

export type KernelSortBy =
  | 'HOTNESS'
  | 'COMMENT_COUNT'
  | 'DATE_CREATED'
  | 'DATE_RUN'
  | 'RELEVANCE'
  | 'SCORE_ASCENDING'
  | 'SCORE_DESCENDING'
  | 'VIEW_COUNT'
  | 'VOTE_COUNT';

export type KernelLanguage = 'all' | 'python' | 'r' | 'sqlite' | 'julia';
export type KernelType = 'all' | 'script' | 'notebook';
export type KernelOutputType = 'all' | 'visualization' | 'data';

/** ListKernels request fields, exactly as the API names them. */
export interface ListKernelsFilters {
  competition?: string;
  dataset?: string; // "owner/slug"
  parentKernel?: string;
  user?: string;
  search?: string;
  group?: string; // EVERYONE, PROFILE, UPVOTED, COLLABORATION, FORK, …
  kernelType?: KernelType;
  language?: KernelLanguage;
  outputType?: KernelOutputType;
  sortBy?: KernelSortBy;
  page?: number; // 1-based
  pageSize?: number; // ≤ 100
  pageToken?: string;
}

/** ApiKernelMetadata. */
export interface KernelMetadata {
  id?: number;
  ref: string; // "owner/slug"
  title?: string;
  author?: string;
  slug?: string;
  lastRunTime?: string; // ISO 8601, Z
  language?: string;
  kernelType?: string;
  isPrivate?: boolean;
  enableGpu?: boolean;
  enableInternet?: boolean;
  enableTpu?: boolean;
  categoryIds?: string[];
  datasetDataSources?: string[];
  kernelDataSources?: string[];
  competitionDataSources?: string[];
  modelDataSources?: string[];
  totalVotes?: number;
  currentVersionNumber?: number;
  dockerImage?: string;
  machineShape?: string;
}

export interface KernelBlob {
  source?: string; // the notebook JSON as a string, without cell outputs
  language?: string;
  kernelType?: string;
  slug?: string;
}

export interface GetKernelResponse {
  metadata?: KernelMetadata;
  blob?: KernelBlob;
}

export interface KernelOutputFile {
  url: string;
  fileName: string;
}

export interface ListKernelSessionOutputResponse {
  files?: KernelOutputFile[];
  log?: string;
  nextPageToken?: string;
}

export interface Competition {
  id?: number;
  ref?: string; // the CLI prints the competition URL here; use competitionSlug() to get the slug
  title?: string;
  url?: string;
  description?: string;
  category?: string;
  reward?: string;
  tags?: unknown[];
  deadline?: string;
  kernelCount?: number;
  teamCount?: number;
  evaluationMetric?: string;
  [extra: string]: unknown;
}

export interface ListCompetitionsFilters {
  group?: string;
  category?: string; // HOST_SEGMENT_FEATURED, HOST_SEGMENT_GETTING_STARTED, …
  sortBy?: string; // COMPETITION_SORT_BY_NUMBER_OF_TEAMS, …
  search?: string;
  page?: number;
  pageToken?: string;
  pageSize?: number;
}

export interface Dataset {
  id?: number;
  ref?: string; // "owner/slug"
  title?: string;
  totalBytes?: number;
  lastUpdated?: string;
  downloadCount?: number;
  voteCount?: number;
  kernelCount?: number;
  licenseName?: string;
  currentVersionNumber?: number;
  [extra: string]: unknown;
}

export interface ListDatasetsFilters {
  group?: string;
  sortBy?: string; // DATASET_SORT_BY_VOTES, …
  size?: string;
  fileType?: string;
  license?: string;
  tagIds?: string;
  search?: string;
  user?: string;
  page?: number;
  pageSize?: number;
  pageToken?: string;
}

/** Where a download landed; fromCache means no request was made. */
export interface CachedDownload {
  path: string;
  fromCache: boolean;
}
