// The database side of the analysis engine (lib/analysis): stored notebooks in, labels and facts stored.
export { ANALYSER_VERSION } from './version';
export { analyseStoredNotebook, type AnalyseStoredOptions, type AnalyseStoredResult } from './analyse-stored-notebook';
export { listNotebooksToAnalyse, analysisProgress, type AnalysisProgress } from './notebooks-to-analyse';
