// How a sample can be drawn; in a file of their own so the sample form (a client component) can
// import them without the schemas' server-side imports.
export const sampleModes = ['all', 'random-n', 'random-percent', 'stratified'] as const;
export const stratifyFields = ['competition', 'library', 'chartType', 'stage', 'kind', 'notebook', 'format'] as const;
export type StratifyField = (typeof stratifyFields)[number];
