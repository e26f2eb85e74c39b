// The labeller: chart type, library, ML stage and multi-panel of one visualisation, and the ML stage
// of a code cell. Pure functions of plain data; OCR/layout only in labelVisualisationWithImage.
export { labelVisualisation, OPEN_BELOW } from './label';
export { stageOfCell, stageOfFigure } from './stage';
export { classifyCall } from './classify';
export { outputFacts } from './output';
export { imageOf, labelVisualisationWithImage, type ImageInput } from './with-image';
export { measureLayout } from './layout';
export { ocrText, terminateOcr } from './ocr';
