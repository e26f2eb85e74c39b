// What the output itself says: plotly trace types and layout, Vega-Lite marks and facets, bokeh glyphs,
// HTML/SVG content. Interactive outputs carry their chart in data, so this is often the surest source.
import type { ChartType, Library } from '../types';

export interface OutputFacts {
  library?: Library;
  charts: ChartType[];
  multiPanel?: boolean;
  /** Text found in the output (titles, axis titles, annotations), for keyword rules. */
  text: string;
  evidence: string[];
}

const PLOTLY_TRACE: Record<string, ChartType> = {
  bar: 'bar', barpolar: 'bar', histogram: 'histogram', box: 'box', violin: 'violin', heatmap: 'heatmap',
  heatmapgl: 'heatmap', histogram2d: 'heatmap', image: 'heatmap', pie: 'pie', table: 'table_image', splom: 'pair_grid',
  scatter3d: 'scatter', choropleth: 'map', choroplethmapbox: 'map', choroplethmap: 'map', scattergeo: 'map',
  scattermapbox: 'map', scattermap: 'map', densitymapbox: 'map', treemap: 'other', sunburst: 'other', funnel: 'other',
  sankey: 'other', indicator: 'other', candlestick: 'other', ohlc: 'other', surface: 'other', contour: 'other',
  histogram2dcontour: 'other', scatterpolar: 'other', waterfall: 'bar', icicle: 'other', parcoords: 'other',
};
const VEGA_MARK: Record<string, ChartType> = {
  bar: 'bar', line: 'line', trail: 'line', point: 'scatter', circle: 'scatter', square: 'scatter', tick: 'other',
  area: 'other', rect: 'heatmap', arc: 'pie', boxplot: 'box', geoshape: 'map', text: 'table_image', rule: 'other',
};
const BOKEH_GLYPH: Record<string, ChartType> = {
  VBar: 'bar', HBar: 'bar', Quad: 'histogram', Line: 'line', MultiLine: 'line', Step: 'line', Circle: 'scatter',
  Scatter: 'scatter', Square: 'scatter', Wedge: 'pie', AnnularWedge: 'pie', Patches: 'map', MultiPolygons: 'map',
  Rect: 'heatmap', Image: 'heatmap', ImageRGBA: 'other', HexTile: 'other', Varea: 'other', VArea: 'other',
};

const asText = (v: unknown): string => (Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '');
const asObject = (v: unknown): Record<string, unknown> | null => {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === 'string' || Array.isArray(v)) { try { return JSON.parse(asText(v)); } catch { return null; } }
  return null;
};
const titleText = (t: unknown): string => (typeof t === 'string' ? t : asText((t as { text?: unknown } | null)?.text));

function plotlyFacts(fig: Record<string, unknown>): OutputFacts {
  const data = (Array.isArray(fig.data) ? fig.data : []) as Array<Record<string, unknown>>;
  const layout = (fig.layout ?? {}) as Record<string, unknown>;
  const charts = data.map((t) => {
    const type = String(t.type ?? 'scatter');
    // A histogram of a categorical variable draws a bar of counts (taxonomy: bar).
    const xs = (t.orientation === 'h' ? t.y : t.x) as unknown;
    if (type === 'histogram' && Array.isArray(xs) && xs.length > 0 && typeof xs[0] === 'string' && Number.isNaN(Number(xs[0]))) return 'bar';
    if (type === 'scatter' || type === 'scattergl') return t.mode === undefined || /lines/.test(String(t.mode)) ? 'line' : 'scatter';
    return PLOTLY_TRACE[type] ?? 'other';
  });
  // A second axis that overlays the first is a twin axis, not a panel.
  const axes = Object.entries(layout).filter(([k, v]) => /^[xy]axis\d+$/.test(k) && !(v as { overlaying?: unknown })?.overlaying);
  const domains = new Set(data.map((t) => `${t.xaxis ?? 'x'}/${t.yaxis ?? 'y'}`));
  const multi = layout.grid !== undefined || (axes.length > 0 && domains.size > 1) || new Set(data.map((t) => JSON.stringify(t.domain ?? null))).size > 1;
  const texts = [titleText(layout.title)];
  for (const [k, v] of Object.entries(layout)) if (/^[xy]axis\d*$/.test(k)) texts.push(titleText((v as { title?: unknown })?.title));
  for (const a of (Array.isArray(layout.annotations) ? layout.annotations : []) as Array<{ text?: unknown }>) texts.push(asText(a.text));
  return { library: 'plotly', charts, multiPanel: multi, text: texts.join(' '), evidence: [`plotly traces: ${[...new Set(data.map((t) => String(t.type ?? 'scatter')))].join(', ')}`] };
}

function vegaFacts(spec: Record<string, unknown>): OutputFacts {
  const marks: string[] = [];
  let multi = false;
  const walk = (s: Record<string, unknown>) => {
    if (s.facet || s.repeat || s.concat || s.hconcat || s.vconcat || (s.encoding as Record<string, unknown> | undefined)?.facet
      || (s.encoding as Record<string, unknown> | undefined)?.row || (s.encoding as Record<string, unknown> | undefined)?.column) multi = true;
    const mark = typeof s.mark === 'string' ? s.mark : (s.mark as { type?: string } | undefined)?.type;
    if (mark) marks.push(mark);
    for (const k of ['layer', 'concat', 'hconcat', 'vconcat']) for (const c of (s[k] as Array<Record<string, unknown>> | undefined) ?? []) walk(c);
    if (s.spec) walk(s.spec as Record<string, unknown>);
  };
  walk(spec);
  return { library: 'altair', charts: marks.map((m) => VEGA_MARK[m] ?? 'other'), multiPanel: multi, text: titleText(spec.title), evidence: [`vega-lite marks: ${marks.join(', ')}`] };
}

function bokehFacts(js: string): OutputFacts {
  const glyphs = [...js.matchAll(/\\?"(?:type|name)\\?"\s*:\s*\\?"(\w+)\\?"/g)].map((m) => m[1]).filter((g) => g in BOKEH_GLYPH);
  const plots = (js.match(/\\?"(?:type|name)\\?"\s*:\s*\\?"(?:Plot|Figure)\\?"/g) ?? []).length;
  const grid = /\\?"(?:type|name)\\?"\s*:\s*\\?"(?:GridPlot|GridBox)\\?"/.test(js);
  return { library: 'bokeh', charts: glyphs.map((g) => BOKEH_GLYPH[g]), multiPanel: grid || plots > 1, text: '', evidence: [`bokeh glyphs: ${[...new Set(glyphs)].join(', ') || 'none found'}`] };
}

/** Facts from an output's MIME bundle; images yield nothing here (see image.ts / OCR). */
export function outputFacts(data: Record<string, unknown>): OutputFacts {
  const plotly = asObject(data['application/vnd.plotly.v1+json']);
  if (plotly) return plotlyFacts(plotly);
  const vegaKey = Object.keys(data).find((k) => /^application\/vnd\.vega(lite)?\.v\d+(\.\d+)?\+json$/.test(k));
  if (vegaKey) { const s = asObject(data[vegaKey]); if (s) return vegaFacts(s); }
  const js = asText(data['application/javascript']);
  if (data['application/vnd.bokehjs_exec.v0+json'] !== undefined || /Bokeh\.embed|bokeh/i.test(js)) return bokehFacts(js + asText(data['text/html']));
  const html = asText(data['text/html']);
  if (/Plotly\.newPlot|plotly-graph-div/.test(html)) {
    const fig = plotlyFromHtml(html);
    if (fig) return plotlyFacts(fig);
    return { library: 'plotly', charts: [], text: '', evidence: ['plotly HTML output'] };
  }
  if (/folium|leaflet/i.test(html)) return { library: 'other', charts: ['map'], multiPanel: false, text: '', evidence: ['leaflet map HTML'] };
  if (/vega-embed|vegaEmbed/.test(html)) return { library: 'altair', charts: [], text: '', evidence: ['vega-embed HTML'] };
  const svg = asText(data['image/svg+xml']);
  if (svg && /class="(node|edge)"|<!-- Generated by graphviz/i.test(svg)) return { library: 'other', charts: ['tree_or_graph'], multiPanel: false, text: '', evidence: ['graphviz SVG'] };
  return { charts: [], text: '', evidence: [] };
}

/** The JSON value that starts at `from` (an array or object), respecting strings; null if unbalanced. */
function balancedJson(text: string, from: number): { value: unknown; end: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) { try { return { value: JSON.parse(text.slice(from, i + 1)), end: i + 1 }; } catch { return null; } }
    }
  }
  return null;
}

/** plotly's HTML output (`fig.show()` in some renderers) inlines `Plotly.newPlot(id, data, layout)`. */
function plotlyFromHtml(html: string): Record<string, unknown> | null {
  const at = html.indexOf('Plotly.newPlot(');
  if (at < 0) return null;
  const dataStart = html.indexOf('[', at);
  const data = balancedJson(html, dataStart);
  if (!data || !Array.isArray(data.value)) return null;
  const layoutStart = html.indexOf('{', data.end);
  const layout = layoutStart >= 0 && /^[\s,]*$/.test(html.slice(data.end, layoutStart)) ? balancedJson(html, layoutStart) : null;
  return { data: data.value, layout: layout?.value ?? {} };
}
