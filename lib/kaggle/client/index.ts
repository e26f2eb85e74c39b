// The Kaggle API client: credentials, a retrying/limited RPC transport, and the calls vizmine needs.
export * from './types';
export { KaggleError, type KaggleErrorCode } from './errors';
export { readCredentials, authorizationHeader, type Credentials } from './credentials';
export { createKaggleClient, type KaggleClient, type KaggleClientOptions, type KaggleClientStats } from './http';
export { listKernels, getKernel, listKernelSessionOutput, downloadNotebookWithOutputs, KERNELS_SERVICE, MAX_PAGE_SIZE, type KernelPage } from './kernels';
export {
  listAllKernels,
  SORT_SPLITS,
  KAGGLE_RESULT_CAP,
  type ListAllKernelsOptions,
  type ListAllKernelsResult,
  type KernelListingPage,
} from './kernel-listing';
export { listCompetitions, listAllCompetitions, competitionSlug, downloadCompetitionFiles, COMPETITIONS_SERVICE } from './competitions';
export { listDatasets, listAllDatasets, downloadDataset, DATASETS_SERVICE } from './datasets';
export { splitRef } from './refs';
