// Light type inference from the libraries' documented return types: enough to name what a call is
// called on (a DataFrame, a Series, matplotlib Axes, a seaborn grid, a plotly figure, an estimator).
// Unknown stays unknown (null): the caller then keeps the written name.
import type { Node } from './parser';
import type { Env } from './names';

export const DATAFRAME = 'pandas.DataFrame';
export const SERIES = 'pandas.Series';
export const AXES = 'matplotlib.axes.Axes';
export const FIGURE = 'matplotlib.figure.Figure';
export const PLOTLY_FIGURE = 'plotly.graph_objects.Figure';
export const BOKEH_FIGURE = 'bokeh.plotting.figure';
export const ALTAIR_CHART = 'altair.Chart';

// DataFrame/Series attributes that are not columns.
const FRAME_ATTRS = new Set(['plot', 'loc', 'iloc', 'at', 'iat', 'T', 'values', 'columns', 'index', 'dtypes', 'shape', 'str', 'dt', 'cat', 'style', 'size', 'empty', 'sparse']);
// Reductions that turn a DataFrame into a Series.
const TO_SERIES = new Set(['sum', 'mean', 'median', 'std', 'var', 'count', 'nunique', 'max', 'min', 'idxmax', 'idxmin', 'skew', 'kurt', 'kurtosis', 'mode', 'value_counts', 'prod', 'sem', 'any', 'all', 'memory_usage']);
const PANDAS_TO_FRAME = /^pandas\.(read_\w+|DataFrame|concat|merge|get_dummies|pivot_table|crosstab|json_normalize|melt|pivot|merge_asof)$/;
const PANDAS_TO_SERIES = /^pandas\.(Series|to_datetime|to_numeric|cut|qcut|date_range)$/;
const PLOT_METHOD = /^(plot(\.\w+)?|hist|boxplot)$/;

const SEABORN_GRIDS: Record<string, string> = {
  relplot: 'seaborn.FacetGrid', displot: 'seaborn.FacetGrid', catplot: 'seaborn.FacetGrid', factorplot: 'seaborn.FacetGrid',
  lmplot: 'seaborn.FacetGrid', FacetGrid: 'seaborn.FacetGrid', pairplot: 'seaborn.PairGrid', PairGrid: 'seaborn.PairGrid',
  jointplot: 'seaborn.JointGrid', JointGrid: 'seaborn.JointGrid', clustermap: 'seaborn.matrix.ClusterGrid',
};
const PYPLOT_TO_AXES = new Set(['gca', 'subplot', 'axes', 'twinx', 'twiny', 'subplot2grid']);
// Methods documented to return the object itself (fluent APIs, scikit-learn's fit).
const RETURNS_SELF = new Set(['fit', 'set_params', 'generate', 'generate_from_frequencies', 'generate_from_text', 'fit_generator']);

export function attributeTypeOf(base: string, attr: string): string {
  if ((base === DATAFRAME || base === SERIES) && !FRAME_ATTRS.has(attr)) return SERIES;
  return `${base}.${attr}`;
}

export function subscriptTypeOf(base: string, node: Node): string | null {
  const index = node.childForFieldName('subscript');
  if (base === `${DATAFRAME}.loc` || base === `${DATAFRAME}.iloc`) return DATAFRAME;
  if (base === DATAFRAME) return index?.type === 'list' ? DATAFRAME : index?.type === 'string' || index?.type === 'identifier' ? SERIES : DATAFRAME;
  if (base === SERIES || base === `${SERIES}.loc` || base === `${SERIES}.iloc`) return SERIES;
  if (base === AXES) return AXES; // an array of Axes from plt.subplots(n, m)
  return null;
}

/** The type a call returns, from its callee's qualified name. */
export function returnTypeOf(callee: string, call: Node, env: Env): string | null {
  if (PANDAS_TO_FRAME.test(callee)) return DATAFRAME;
  if (PANDAS_TO_SERIES.test(callee)) return SERIES;
  for (const frame of [DATAFRAME, SERIES]) {
    if (callee.startsWith(`${frame}.`)) {
      const method = callee.slice(frame.length + 1);
      if (PLOT_METHOD.test(method)) return AXES;
      if (method.startsWith('to_')) return null;
      if (frame === DATAFRAME && TO_SERIES.has(method)) return SERIES;
      if (method.includes('.')) return null;
      return frame;
    }
  }
  if (callee === 'matplotlib.pyplot.figure' || callee === 'matplotlib.pyplot.gcf') return FIGURE;
  if (callee === 'matplotlib.pyplot.subplots') return FIGURE; // the tuple is unpacked by the assignment
  if (callee.startsWith('matplotlib.pyplot.') && PYPLOT_TO_AXES.has(callee.slice(18))) return AXES;
  if (callee === `${FIGURE}.add_subplot` || callee === `${FIGURE}.gca` || callee === `${FIGURE}.add_axes`) return AXES;
  if (callee === `${AXES}.twinx` || callee === `${AXES}.twiny`) return AXES;
  if (callee.startsWith('seaborn.')) {
    const fn = callee.slice(8);
    if (SEABORN_GRIDS[fn]) return SEABORN_GRIDS[fn];
    const grid = Object.values(SEABORN_GRIDS).find((g) => callee.startsWith(`${g}.`));
    if (grid) return grid;
    if (/^[a-z]\w*$/.test(fn)) return AXES;
  }
  if (/^plotly\.(express\.[a-z]\w*|graph_objs?\.Figure|graph_objects\.Figure|subplots\.make_subplots|tools\.make_subplots|figure_factory\.create_\w+)$/.test(callee)) return PLOTLY_FIGURE;
  if (callee.startsWith(`${PLOTLY_FIGURE}.`) && /\.(update_\w+|add_\w+|for_each_\w+)$/.test(callee)) return PLOTLY_FIGURE;
  if (callee === 'bokeh.plotting.figure' || callee === 'bokeh.plotting.Figure') return BOKEH_FIGURE;
  if (callee === ALTAIR_CHART || callee.startsWith(`${ALTAIR_CHART}.`)) return ALTAIR_CHART;
  return classInstanceOf(callee, env, call);
}

/** `RandomForestClassifier(...)` -> its class; `Model.fit(...)` -> the model; `CMD.from_estimator` -> CMD. */
function classInstanceOf(callee: string, env: Env, _call: Node): string | null {
  if (env.classes.has(callee)) return callee;
  const parts = callee.split('.');
  const last = parts[parts.length - 1];
  const owner = parts.slice(0, -1).join('.');
  const ownerIsClass = parts.length > 1 && /^[A-Z]/.test(parts[parts.length - 2]);
  if (ownerIsClass && (RETURNS_SELF.has(last) || last.startsWith('from_'))) return owner;
  if (parts.length > 1 && /^[A-Z]/.test(last) && !ownerIsClass) return callee;
  return null;
}
