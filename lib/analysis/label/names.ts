// Small helpers over ResolvedCall names. The resolver (lib/analysis) gives module-qualified names when it
// can; when it cannot, a call keeps its written form ('sns.heatmap', 'df.plot.bar'), so we also expand
// the aliases every tutorial uses. That is a fallback for unresolved code, not the main path.
import type { ResolvedCall } from '../types';

const CONVENTIONAL_ALIASES: Record<string, string> = {
  plt: 'matplotlib.pyplot', mpl: 'matplotlib', sns: 'seaborn', pd: 'pandas', np: 'numpy',
  px: 'plotly.express', go: 'plotly.graph_objects', ff: 'plotly.figure_factory', py: 'plotly.offline',
  msno: 'missingno', tf: 'tensorflow', xgb: 'xgboost', lgb: 'lightgbm', lgbm: 'lightgbm', sm: 'statsmodels.api',
  smf: 'statsmodels.formula.api', alt: 'altair', gpd: 'geopandas', nx: 'networkx', skplt: 'scikitplot',
  sch: 'scipy.cluster.hierarchy', shc: 'scipy.cluster.hierarchy', ss: 'scipy.stats',
};

/** The call's name with the conventional alias of its first part expanded (only when unresolved). */
export function fullName(call: ResolvedCall): string {
  const dot = call.name.indexOf('.');
  const head = dot < 0 ? call.name : call.name.slice(0, dot);
  const expanded = CONVENTIONAL_ALIASES[head];
  return expanded ? expanded + (dot < 0 ? '' : call.name.slice(dot)) : call.name;
}

/** The written receiver of an unresolved method call: 'df['a'].hist' -> "df['a']". */
export function receiverOf(call: ResolvedCall): string {
  const name = call.name;
  const cut = name.lastIndexOf('.' + call.attr);
  return cut > 0 ? name.slice(0, cut) : '';
}

/** A keyword argument's value as plain text without quotes: kind='kde' -> kde. */
export function kw(call: ResolvedCall, key: string): string | undefined {
  const v = call.kwargs[key];
  return v === undefined ? undefined : v.trim().replace(/^[rbuf]?['"]|['"]$/g, '');
}

export const isTrue = (v: string | undefined) => v !== undefined && /^(True|1)$/.test(v.trim());
export const isFalse = (v: string | undefined) => v !== undefined && /^(False|0|None)$/.test(v.trim());

/** All the source text a call carries (its own text and its arguments). */
export function callText(call: ResolvedCall): string {
  return [call.text, ...call.args, ...Object.values(call.kwargs)].join(' ');
}
