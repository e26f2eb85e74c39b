// Classifies each call of a figure's slice: which library draws, which chart it draws (or none: a
// decoration). Resolved names go through the API table; unresolved method calls (`ax.bar`, `df.plot`)
// fall back on what their receiver and arguments look like.
import type { ChartType, Library, ResolvedCall } from '../types';
import { type DrawInfo, lookupDrawCall, MPL_DRAW, plotIsScatter } from './draw-table';
import { fullName, kw, receiverOf } from './names';

export interface ClassifiedCall extends DrawInfo { call: ResolvedCall; name: string }

const AXES_LIKE = /^(plt|pyplot|fig\w*|ax\w*|axs?\[.*\]|axes?\w*(\[.*\])?|\w*_ax\w*|a\d?|g\.ax\w*|subplot\w*|.*\.(gca|add_subplot|subplot)\(.*\))$/;

/** seaborn grids draw what the function handed to `.map*` draws: `g.map(plt.hist, 'age')`. */
function gridMapChart(call: ResolvedCall): ChartType | null {
  if (!/^map(_\w+)?$/.test(call.attr) || call.args.length === 0) return null;
  const fn = call.args[0].trim();
  const inner: ResolvedCall = { ...call, name: fn, attr: fn.split('.').pop() ?? fn, args: call.args.slice(1) };
  return lookupDrawCall(fullName(inner), inner)?.chart ?? (MPL_DRAW[inner.attr] ?? null);
}

function classifyUnresolved(call: ResolvedCall): DrawInfo | null {
  const recv = receiverOf(call);
  if (!recv) return null;
  const axesLike = AXES_LIKE.test(recv);
  if (/\.plot$/.test(recv) && !axesLike) {
    return lookupDrawCall('pandas.DataFrame.plot.' + call.attr, { ...call, name: 'pandas.DataFrame.plot.' + call.attr });
  }
  const positionalData = call.args.some((a) => !/^['"[]/.test(a.trim()));
  if (['plot', 'hist', 'boxplot'].includes(call.attr) && !axesLike) {
    // A method call on data with no positional data argument (df.plot(kind='bar'), s.hist(bins=20)) is pandas.
    const pandas = call.attr === 'plot' ? (!positionalData || kw(call, 'kind') !== undefined) : !positionalData;
    if (pandas) return lookupDrawCall(`pandas.DataFrame.${call.attr}`, { ...call, name: `pandas.DataFrame.${call.attr}` });
  }
  if (MPL_DRAW[call.attr] && (axesLike || positionalData)) return { lib: 'matplotlib', chart: MPL_DRAW[call.attr], decor: false };
  if (axesLike && /^(set_\w+|legend|grid|text|annotate|axhline|axvline|title|xlabel|ylabel|tight_layout|suptitle|invert_\w+)$/.test(call.attr)) {
    return { lib: 'matplotlib', chart: null, decor: true };
  }
  return null;
}

/** plotly `fig.add_trace(go.Bar(...))` / `fig.add_bar(...)`: the trace class names the chart. */
function plotlyTrace(call: ResolvedCall, name: string): ClassifiedCall | null {
  const known = /^add_(bar|barpolar|scatter|scattergl|scatter3d|histogram|histogram2d|box|violin|heatmap|pie|table|choropleth|scattergeo|scattermapbox|splom)$/;
  if (!/^plotly\./.test(name) && !/^(add_trace|add_traces|append_trace)$/.test(call.attr) && !known.test(call.attr)) return null;
  let trace = /^add_(?!trace|traces|hline|vline|hrect|vrect|annotation|shape|layout_image)(\w+)$/.exec(call.attr)?.[1];
  if (!trace && /^(add_trace|add_traces|append_trace)$/.test(call.attr)) trace = /(?:^|\.)([A-Z]\w*)\s*\(/.exec(call.args[0] ?? '')?.[1];
  if (!trace) return null;
  const cls = trace.charAt(0).toUpperCase() + trace.slice(1).toLowerCase();
  const inner: ResolvedCall = { ...call, name: `plotly.graph_objects.${cls}`, attr: cls, kwargs: { ...call.kwargs, mode: /mode\s*=\s*(['"][^'"]*['"])/.exec(call.text)?.[1] ?? call.kwargs.mode ?? '' } };
  if (inner.kwargs.mode === '') delete inner.kwargs.mode;
  const info = lookupDrawCall(inner.name, inner);
  return info ? { ...info, lib: 'plotly', call, name } : null;
}

/** geopandas `gdf.plot(column=...)` draws a map (geopandas is 'other' in the taxonomy). */
function geoPlot(call: ResolvedCall, name: string): ClassifiedCall | null {
  if (call.attr !== 'plot' || !/^geopandas\.|^\w+\.plot$/.test(name)) return null;
  if (!/^geopandas\./.test(name) && call.kwargs.column === undefined) return null;
  return { lib: 'other', chart: 'map', decor: false, call, name };
}

// The same call reaches the labeller once per figure whose slice holds it: remember its class.
const cache = new Map<string, DrawInfo | null>();
// The call's text holds its arguments (truncated): with the name, enough to tell calls apart.
const keyOf = (c: ResolvedCall) => `${c.name}\u0000${c.text}`;

export function classifyCall(call: ResolvedCall): ClassifiedCall | null {
  const key = keyOf(call);
  let info = cache.get(key);
  if (info === undefined) {
    const hit = classifyUncached(call);
    info = hit ? { lib: hit.lib, chart: hit.chart, decor: hit.decor } : null;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, info);
  }
  return info ? { ...info, call, name: fullName(call) } : null;
}

function classifyUncached(call: ResolvedCall): ClassifiedCall | null {
  const name = fullName(call);
  const special = plotlyTrace(call, name) ?? geoPlot(call, name);
  if (special) return special;
  const mapped = gridMapChart(call);
  if (mapped && /^(seaborn\.|g\b|grid\b|\w*grid\w*\.|\w+\.map)/i.test(name)) return { call, name, lib: 'seaborn', chart: mapped, decor: false };
  let info = lookupDrawCall(name, call);
  if (!info && !name.includes('.') && /^(WordCloud)$/.test(name)) info = { lib: 'wordcloud', chart: 'wordcloud', decor: false };
  if (!info) info = classifyUnresolved(call);
  if (!info) return null;
  if (info.chart === 'line' && info.lib === 'matplotlib' && plotIsScatter(call)) info = { ...info, chart: 'scatter' };
  return { ...info, call, name };
}

/** Libraries that only style or wrap a figure: they never outweigh one that draws. */
export const LIB_RANK: Record<Library, number> = {
  shap: 5, missingno: 5, yellowbrick: 5, wordcloud: 4, sklearn: 4, other: 4, seaborn: 3, pandas: 3,
  plotly: 3, bokeh: 3, altair: 3, matplotlib: 1, unknown: 0,
};
