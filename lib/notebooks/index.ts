// Public surface of the notebook parser; everything else in this folder is an implementation detail.
export type { CellType, NbCell, NbOutput, ParsedNotebook } from './types';
export { NotebookError, type NotebookErrorCode } from './errors';
export { parseNotebook, type ParseOptions } from './parse-notebook';
export { convertV3, V3_HEADING_KEY, type ConvertedV3 } from './convert-v3';
export { checkLanguage, type LanguageCheck } from './check-language';
export { DEFAULT_MAX_NOTEBOOK_BYTES } from './check-bytes';
export { outputFigure, type OutputFigure } from './figure-output';
