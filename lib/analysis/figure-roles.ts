// What a call does to figures, from the plotting libraries' documented behaviour:
//  - matplotlib keeps a "current figure"; `plt.figure`/`plt.subplots`, seaborn's figure-level
//    functions, DataFrame.plot/hist, missingno, and most `plot_*` helpers without `ax=` start a new one;
//    other drawing calls draw on the current figure (creating one if none is open);
//  - `plt.show()` displays every open figure, `plt.close()` drops one without displaying it, and the
//    inline backend displays what is still open when the cell ends;
//  - plotly, bokeh and altair build figure objects that are displayed by `fig.show()`, `iplot(fig)`,
//    `show(p)`, `display(x)` or by being a cell's last expression.
import type { Call } from './statements';
import { ALTAIR_CHART, AXES, BOKEH_FIGURE, DATAFRAME, FIGURE, PLOTLY_FIGURE, SERIES } from './types-table';

export type Role = 'create' | 'draw' | 'show' | 'close' | 'closeAll' | 'objCreate' | 'objDraw' | 'display' | 'createDisplay' | 'showAny';

const MPL_CREATE = new Set(['matplotlib.pyplot.figure', 'matplotlib.pyplot.subplots', 'matplotlib.pyplot.subplot_mosaic', 'pylab.figure', 'pylab.subplots', 'pandas.plotting.scatter_matrix']);
const SEABORN_FIGURE_LEVEL = new Set(['relplot', 'displot', 'catplot', 'factorplot', 'lmplot', 'pairplot', 'jointplot', 'clustermap', 'FacetGrid', 'PairGrid', 'JointGrid']);
const SEABORN_NOT_DRAWING = new Set(['set', 'set_style', 'set_theme', 'set_palette', 'set_context', 'color_palette', 'load_dataset', 'diverging_palette', 'light_palette', 'dark_palette', 'cubehelix_palette', 'axes_style', 'plotting_context', 'mpl_palette', 'husl_palette', 'hls_palette', 'get_dataset_names', 'blend_palette', 'xkcd_palette']);
const PYPLOT_NOT_DRAWING = /^(savefig|style|rc|rcParams|rcdefaults|ion|ioff|get_cmap|cm|switch_backend|imread|colormaps|get_fignums|isinteractive|pause|draw|ginput|rc_context|matplotlib|figaspect|register_cmap)(\.|$)/;
const MPL_STANDALONE_CREATORS = /^(missingno\.|scikitplot\.|xgboost\.plot_|lightgbm\.plot_|statsmodels\.graphics\.)/;
const SEABORN_MODULE = 'seaborn.';

export function roleOf(call: Call): Role | null {
  // A notebook function's own calls (spliced in after it) say what it does to figures.
  if (call.helper !== null) return null;
  const n = call.name;
  const rt = call.receiverType ?? '';
  const hasAx = call.axArg !== null || 'ax' in call.kwargs;
  if (MPL_CREATE.has(n)) return 'create';
  if (n === 'matplotlib.pyplot.show' || n === 'pylab.show') return 'show';
  if (n === 'matplotlib.pyplot.close' || n === 'pylab.close') return /all/.test(call.args[0] ?? '') ? 'closeAll' : 'close';
  if (n.startsWith('matplotlib.pyplot.') || n.startsWith('pylab.')) {
    return PYPLOT_NOT_DRAWING.test(n.slice(n.indexOf('.', n.startsWith('pylab.') ? 0 : 11) + 1)) ? null : 'draw';
  }
  if (n.startsWith(SEABORN_MODULE) && !n.slice(8).includes('.')) {
    const fn = n.slice(8);
    if (SEABORN_FIGURE_LEVEL.has(fn)) return 'create';
    return SEABORN_NOT_DRAWING.has(fn) ? null : 'draw';
  }
  if (rt.startsWith('seaborn.')) return 'draw';
  if (rt === AXES || rt.startsWith(`${AXES}.`) || rt === FIGURE || rt.startsWith(`${FIGURE}.`)) return call.attr === 'savefig' ? null : 'draw';
  const pandasPlot = pandasPlotRole(call, hasAx);
  if (pandasPlot) return pandasPlot;
  if (MPL_STANDALONE_CREATORS.test(n)) return hasAx ? 'draw' : 'create';
  if (/Display\.from_(estimator|predictions)$/.test(n) || (/Display$/.test(rt) && call.attr === 'plot')) return hasAx ? 'draw' : 'create';
  if (rt.startsWith('yellowbrick.')) return call.attr === 'show' || call.attr === 'poof' ? 'show' : 'draw';
  if (n.startsWith('shap.') && /plot|waterfall|beeswarm|summary|dependence|decision|bar$|scatter|heatmap|image/.test(n)) return 'draw';
  if (/^(sklearn\.tree\.plot_tree|scipy\.cluster\.hierarchy\.dendrogram|networkx\.draw\w*|scipy\.stats\.probplot)$/.test(n)) return 'draw';
  const obj = objectRole(call);
  if (obj) return obj;
  // `x.show()` on an object of unknown type (a helper's parameter): shows whatever figure is pending.
  if (!call.receiverType && call.receiver && call.attr === 'show' && call.args.length === 0) return 'showAny';
  // Any other plotting call the tables do not know (prophet's `model.plot(forecast)`, a notebook class's
  // `handler.info_plot(...)`, a small library's `treeplot.plot(clf)`): by the common convention it draws
  // with matplotlib, and one whose value is kept (a figure) has made a new one.
  if (/plot/i.test(call.attr) && !/subplot|plotly/i.test(call.attr)) return /^plot/.test(call.attr) && call.assignedTo.length && !hasAx ? 'create' : 'draw';
  return null;
}

function pandasPlotRole(call: Call, hasAx: boolean): Role | null {
  const n = call.name;
  for (const [frame, creates] of [[DATAFRAME, true], [SERIES, false]] as const) {
    if (!n.startsWith(`${frame}.`)) continue;
    const method = n.slice(frame.length + 1);
    if (method === 'iplot') return 'createDisplay'; // cufflinks
    if (method === 'boxplot') return 'draw';
    if (method === 'hist' || method === 'plot' || method.startsWith('plot.')) {
      if (hasAx) return 'draw';
      const subplots = call.kwargs.subplots === 'True';
      return creates || subplots ? 'create' : 'draw';
    }
  }
  if (n.startsWith('pandas.plotting.')) return 'draw';
  // An unresolved receiver (`data[col].plot(kind='bar')`): pandas' plot accessor reuses the current figure.
  if (!call.receiverType && (call.attr === 'iplot')) return 'createDisplay';
  return null;
}

const OBJECT_FIGURES = [PLOTLY_FIGURE, BOKEH_FIGURE, ALTAIR_CHART];
const PLOTLY_CREATE = /^plotly\.(express\.[a-z]\w*|graph_objs?\.Figure|graph_objects\.Figure|subplots\.make_subplots|tools\.make_subplots|figure_factory\.create_\w+)$/;

function objectRole(call: Call): Role | null {
  const n = call.name;
  const rt = call.receiverType ?? '';
  if (PLOTLY_CREATE.test(n) || n === 'bokeh.plotting.figure' || n === 'bokeh.plotting.Figure' || n === ALTAIR_CHART) return 'objCreate';
  if (OBJECT_FIGURES.some((t) => rt === t || rt.startsWith(`${t}.`))) return call.attr === 'show' || call.attr === 'display' ? 'display' : 'objDraw';
  if (/^(plotly\.offline|plotly\.plotly|chart_studio\.plotly|plotly\.io)\.(iplot|show)$/.test(n)) return 'display';
  if (n === 'bokeh.plotting.show' || n === 'bokeh.io.show') return 'display';
  if (n === 'IPython.display.display' || n === 'display') return 'display';
  return null;
}

/** Whether a call is about drawing at all (for LabelInput.drawCalls): a role, or a plotting library's call. */
export function isPlotCall(call: Call): boolean {
  if (roleOf(call)) return true;
  return /^(matplotlib|seaborn|plotly|bokeh|altair|shap|wordcloud|missingno|yellowbrick|scikitplot|folium|plotnine|networkx\.draw)/.test(call.name);
}
