// Public surface of the analysis engine: pure, database-free; plain data in and out.
export type * from './types';
export { CHART_TYPES, ML_STAGES } from './types';
export {
  analyseNotebook,
  type AnalyseOptions,
  type NotebookAnalysis,
  type NotebookFacts,
  type VisualisationAnalysis,
} from './analyse-notebook';
export { codeNeeds, type CodeNeeds } from './code-needs';
export type { Lint } from './lints';
export type { DatasetRead, ModelFit, MetricUse } from './facts';
export type { Heading, Sentence, TestingMention } from './markdown';
export { terminateOcr } from './label';
