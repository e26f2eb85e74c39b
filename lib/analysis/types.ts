// The plain-data shapes of the analysis engine. Its inputs are a ParsedNotebook (lib/notebooks) and,
// optionally, the figures' images; its outputs are JSON-serialisable so the CLI, the jobs and the app
// share them. Nothing here touches a database or the network.

export const CHART_TYPES = [
  'bar', 'histogram', 'line', 'scatter', 'box', 'violin', 'heatmap', 'confusion_matrix', 'roc_curve',
  'pr_curve', 'learning_curve', 'feature_importance', 'shap', 'pie', 'density', 'pair_grid', 'image_grid',
  'wordcloud', 'map', 'tree_or_graph', 'table_image', 'qq_plot', 'missing_values', 'other',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const LIBRARIES = [
  'matplotlib', 'seaborn', 'pandas', 'plotly', 'bokeh', 'altair', 'sklearn', 'shap', 'wordcloud',
  'missingno', 'yellowbrick', 'other', 'unknown',
] as const;
export type Library = (typeof LIBRARIES)[number];

export const ML_STAGES = [
  'data_exploration', 'preprocessing', 'training_monitoring', 'model_evaluation', 'explainability', 'fairness', 'other',
] as const;
export type MlStage = (typeof ML_STAGES)[number];

/**
 * One call in the code, with its callee resolved through imports and known variable types.
 * `name` is the most qualified name the resolver could give, dotted, using the module's real name:
 *   `sns.heatmap(...)` after `import seaborn as sns`            -> 'seaborn.heatmap'
 *   `plt.subplots()` after `from matplotlib import pyplot as plt` -> 'matplotlib.pyplot.subplots'
 *   `CMD.from_estimator(...)` (alias of sklearn.metrics.ConfusionMatrixDisplay) -> 'sklearn.metrics.ConfusionMatrixDisplay.from_estimator'
 *   `ax.set_title(...)` where ax came from plt.subplots          -> 'matplotlib.axes.Axes.set_title'
 *   `df.plot.bar()` / `df['x'].hist()` where df came from pd.read_csv -> 'pandas.DataFrame.plot.bar' / 'pandas.Series.hist'
 *   `model.fit(X, y)` where model = RandomForestClassifier()     -> 'sklearn.ensemble.RandomForestClassifier.fit'
 *   a call the resolver cannot place keeps its written form with receiver: 'df.plot.bar', 'plot_it'.
 * `attr` is the last dotted part ('heatmap', 'bar', 'fit'): useful when `name` is unresolved.
 */
export interface ResolvedCall {
  name: string;
  attr: string;
  /** 0-based cell index among all cells (file order), 0-based line within the cell's source. */
  cell: number;
  line: number;
  /** Positional argument source texts. */
  args: string[];
  /** Keyword argument source texts by keyword (`kind='kde'` -> { kind: "'kde'" }). */
  kwargs: Record<string, string>;
  /** The call's own source text (truncated to ~200 chars). */
  text: string;
  /** True when the call sits inside a function body that the slice followed into (a helper). */
  viaHelper?: boolean;
}

/** The backward slice that generated one visualisation. */
export interface Slice {
  /** Cells (0-based, all-cells index) that contribute, ascending by execution order used. */
  cells: number[];
  /** Line ranges per contributing statement: [cell, firstLine, lastLine] (0-based lines, inclusive). */
  lines: Array<[number, number, number]>;
  /** The assembled code: each contributing cell's kept lines, preceded by `# cell N`. */
  code: string;
}

/** One output that is a figure (an output with several representations is ONE visualisation). */
export interface FigureOutput {
  cell: number;
  /** 0-based index among all of that cell's outputs, streams and errors included. */
  output: number;
  /** The representation chosen as the figure's primary MIME type (e.g. image/png, application/vnd.plotly.v1+json). */
  mime: string;
  /** The whole MIME bundle of the output. */
  data: Record<string, unknown>;
  /** Which figure this is among the figures the cell drew (0-based), to tie it to the code. */
  figureInCell: number;
}

/** What the labeller is given for one figure. */
export interface LabelInput {
  figure: FigureOutput;
  /** The calls in the figure's slice, in execution order (helpers' inner calls included, viaHelper set). */
  calls: ResolvedCall[];
  /** The calls that act on this figure/axes only (draws and decorations), a subset of `calls`. */
  drawCalls: ResolvedCall[];
  slice: Slice;
  /** Markdown text of the nearest markdown cells before and after the figure's cell. */
  markdownBefore: string;
  markdownAfter: string;
  /** The cell's own source. */
  cellSource: string;
  /** Stage of the cells that feed the figure, when known (data read only, model fitted, …). */
  context: { modelsFittedBefore: boolean; dataTransformedBefore: boolean };
}

export interface FieldLabel<T> {
  value: T;
  /** 0..1 */
  confidence: number;
}

export interface VisualisationLabels {
  chartType: FieldLabel<ChartType>;
  library: FieldLabel<Library>;
  mlStage: FieldLabel<MlStage>;
  multiPanel: FieldLabel<boolean>;
  /** Human-readable reasons, e.g. "call seaborn.heatmap", "plotly trace type 'bar'", "OCR: 'ROC'". */
  evidence: string[];
  /** True when OCR was needed and used. */
  usedOcr: boolean;
}
