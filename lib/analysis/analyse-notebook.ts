// analyseNotebook: one parsed notebook in, plain data out — notebook facts (lints, stages, datasets,
// models, metrics, outline, testing mentions, syntax errors) and every visualisation with its four
// labels, evidence and generating slice.
import type { ParsedNotebook } from '../notebooks';
import type { LabelInput, ResolvedCall, Slice, VisualisationLabels, MlStage } from './types';
import { labelVisualisation, labelVisualisationWithImage, stageOfCell } from './label';
import { getParser } from './parser';
import { readProgram, type Program, type SyntaxError } from './program';
import { traceFigures, type TracedFigure } from './visualisations';
import { datasetsRead, modelsFitted, metricsComputed, type DatasetRead, type ModelFit, type MetricUse } from './facts';
import { figureSentences, headingOutline, markdownAround, testingMentions, type Heading, type Sentence, type TestingMention } from './markdown';
import { notebookLints, outOfOrderCells, type Lint } from './lints';
import { figureLints } from './figure-lints';

export interface AnalyseOptions {
  /** Read the image (OCR, panels) where the code leaves a label open. Slower: about a second per such figure. */
  ocr?: boolean;
  /** The notebook's file name, for pynblint's file-name lints. */
  fileName?: string;
}

export interface VisualisationAnalysis {
  cell: number;
  output: number;
  mime: string;
  chartType: VisualisationLabels['chartType']['value'];
  library: VisualisationLabels['library']['value'];
  mlStage: VisualisationLabels['mlStage']['value'];
  multiPanel: boolean;
  confidence: { chartType: number; library: number; mlStage: number; multiPanel: number };
  evidence: string[];
  usedOcr: boolean;
  slice: Slice;
  /** Sentences of the nearest markdown that describe a figure. */
  sentences: Sentence[];
}

export interface NotebookFacts {
  lints: Lint[];
  cellStages: Array<{ cell: number; stage: MlStage }>;
  datasets: DatasetRead[];
  models: ModelFit[];
  metrics: MetricUse[];
  outline: Heading[];
  testingMentions: TestingMention[];
  syntaxErrors: SyntaxError[];
}

export interface NotebookAnalysis {
  notebook: NotebookFacts;
  /** Top-level modules the code imports (relative imports left out), sorted: what the notebook needs installed. */
  imports: string[];
  visualisations: VisualisationAnalysis[];
}

export async function analyseNotebook(nb: ParsedNotebook, opts: AnalyseOptions = {}): Promise<NotebookAnalysis> {
  const program = readProgram(await getParser(), nb.cells);
  const traced = traceFigures(program, nb.cells);
  const firstFit = firstFitting(program);
  const visualisations: VisualisationAnalysis[] = [];
  for (const t of traced) {
    const input = labelInput(t, nb, program, firstFit);
    const labels = opts.ocr ? await labelVisualisationWithImage(input) : labelVisualisation(input);
    visualisations.push(toAnalysis(t, labels, figureSentences(nb.cells, t.figure.cell)));
  }
  return {
    notebook: {
      lints: [...notebookLints(nb.cells, program, opts.fileName), ...figureLints(traced, nb.cells, outOfOrderCells(nb.cells))],
      cellStages: cellStages(nb, program),
      datasets: datasetsRead(program),
      models: modelsFitted(program),
      metrics: metricsComputed(program),
      outline: headingOutline(nb.cells),
      testingMentions: testingMentions(nb.cells),
      syntaxErrors: program.syntaxErrors,
    },
    imports: program.imports,
    visualisations,
  };
}

/**
 * What the labeller is given for each figure of the notebook, in output order (for the benchmark and
 * for callers that label themselves, e.g. with OCR on some figures only).
 */
export async function labelInputsOf(nb: ParsedNotebook): Promise<LabelInput[]> {
  const program = readProgram(await getParser(), nb.cells);
  const firstFit = firstFitting(program);
  return traceFigures(program, nb.cells).map((t) => labelInput(t, nb, program, firstFit));
}

/** The first statement (in execution order) that fits a model: figures after it may show model results. */
function firstFitting(program: Program): number {
  return program.stmts.find((s) => !s.helperCalls && program.callsOf(s).some((c) => FITS.has(c.attr)))?.index ?? Infinity;
}

const FITS = new Set(['fit', 'fit_generator', 'train']);
const TRANSFORMS = /^(fillna|dropna|drop|drop_duplicates|get_dummies|fit_transform|transform|replace|map|apply|astype|clip|log1p|log|sqrt|cut|qcut|rename|merge|concat|interpolate|resample|pivot|pivot_table|melt|StandardScaler|MinMaxScaler|LabelEncoder|OneHotEncoder)$/;

export function labelInput(t: TracedFigure, nb: ParsedNotebook, program: Program, firstFit: number): LabelInput {
  const cell = t.figure.cell;
  const md = markdownAround(nb.cells, cell);
  const firstOwn = program.byCell.get(cell)?.[0]?.index ?? Infinity;
  const sliceBefore = t.calls.filter((c) => c.cell !== cell);
  return {
    figure: t.figure,
    calls: t.calls,
    drawCalls: t.drawCalls,
    slice: t.slice,
    markdownBefore: md.before,
    markdownAfter: md.after,
    cellSource: nb.cells[cell].source,
    context: {
      modelsFittedBefore: firstFit < firstOwn,
      dataTransformedBefore: sliceBefore.some((c) => TRANSFORMS.test(c.attr)),
    },
  };
}

function toAnalysis(t: TracedFigure, l: VisualisationLabels, sentences: Sentence[]): VisualisationAnalysis {
  return {
    cell: t.figure.cell,
    output: t.figure.output,
    mime: t.figure.mime,
    chartType: l.chartType.value,
    library: l.library.value,
    mlStage: l.mlStage.value,
    multiPanel: l.multiPanel.value,
    confidence: { chartType: l.chartType.confidence, library: l.library.confidence, mlStage: l.mlStage.confidence, multiPanel: l.multiPanel.confidence },
    evidence: l.evidence,
    usedOcr: l.usedOcr,
    slice: t.slice,
    sentences,
  };
}

function cellStages(nb: ParsedNotebook, program: Program): Array<{ cell: number; stage: MlStage }> {
  const out: Array<{ cell: number; stage: MlStage }> = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code' || cell.source.trim() === '') return;
    const calls: ResolvedCall[] = (program.byCell.get(i) ?? []).flatMap(program.callsOf);
    out.push({ cell: i, stage: stageOfCell(calls, cell.source) });
  });
  return out;
}
