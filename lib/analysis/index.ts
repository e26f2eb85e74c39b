// Public surface of the analysis engine: pure, database-free; plain data in and out.
export type * from './types';
export { CHART_TYPES, LIBRARIES, ML_STAGES } from './types';
export {
  analyseNotebook,
  labelInputsOf,
  type AnalyseOptions,
  type NotebookAnalysis,
  type NotebookFacts,
  type VisualisationAnalysis,
} from './analyse-notebook';
export { getParser } from './parser';
export { preprocessCell, rewritePython2 } from './preprocess';
export { readProgram, type Program, type SyntaxError } from './program';
export { executionOrder } from './order';
export { traceFigures, type TracedFigure } from './visualisations';
export type { Lint } from './lints';
export type { DatasetRead, ModelFit, MetricUse } from './facts';
export type { Heading, Sentence, TestingMention } from './markdown';
export { terminateOcr } from './label';
