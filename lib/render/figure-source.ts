import { bokehFigureFromScript } from '../extract/bokeh-from-script';
import { BOKEH_MAJOR } from '../figures/vendor-scripts';
import type { FigureLibrary } from '../figures/figure-document';

/** What to draw for one visualisation: a library and its figure, or HTML shown with scripts off. */
export type FigureSource =
  | { library: FigureLibrary; figure: unknown; width: number; height: number }
  | { html: string; width: number; height: number };

// Jupyter draws plotly figures the width of the output area and 525 px high unless the layout says.
const PLOTLY_WIDTH = 900;
const PLOTLY_HEIGHT = 525;
// The canvas vega and bokeh figures draw into; they are cropped to what they drew.
const CANVAS = { width: 1200, height: 900 };

/**
 * The source of a visualisation's picture, from its stored kind and spec (and, for bokeh figures
 * stored before their document was extracted, the output's script). Throws with a reason a
 * researcher can read when the figure cannot be drawn.
 */
export function figureSource(kind: string, spec: unknown, outputData?: Record<string, unknown> | null): FigureSource {
  if (kind === 'plotly') {
    const f = spec as { data?: unknown; layout?: { width?: unknown; height?: unknown } } | null;
    if (!f || !Array.isArray(f.data)) throw new Error('plotly figure without a data array');
    return { library: 'plotly', figure: f, width: size(f.layout?.width, PLOTLY_WIDTH), height: size(f.layout?.height, PLOTLY_HEIGHT) };
  }
  if (kind === 'vega' || kind === 'vega-lite') {
    if (!spec || typeof spec !== 'object') throw new Error(`${kind} figure without a spec`);
    return { library: 'vega', figure: spec, ...CANVAS };
  }
  if (kind === 'bokeh') {
    const script = outputData ? String(outputData['application/javascript'] ?? outputData['text/html'] ?? '') : '';
    const figure = isBokeh(spec) ? spec : bokehFigureFromScript(script);
    if (!figure) throw new Error('bokeh output without a readable document (docs_json)');
    const major = Number(figure.version?.split('.')[0]);
    if (figure.version && major !== BOKEH_MAJOR) throw new Error(`bokeh ${figure.version} document: BokehJS ${BOKEH_MAJOR}.x draws only bokeh ${BOKEH_MAJOR}.x documents`);
    return { library: 'bokeh', figure, ...CANVAS };
  }
  if (kind === 'html') {
    const html = (spec as { html?: unknown } | null)?.html;
    if (typeof html !== 'string') throw new Error('HTML figure without HTML');
    return { html, ...CANVAS };
  }
  throw new Error(`nothing to render for a ${kind} figure`);
}

function isBokeh(spec: unknown): spec is { docs_json: object; render_items: unknown[]; version: string | null } {
  return !!spec && typeof spec === 'object' && 'docs_json' in spec && Array.isArray((spec as { render_items?: unknown }).render_items);
}

function size(v: unknown, fallback: number): number {
  return typeof v === 'number' && v >= 50 && v <= 4000 ? Math.round(v) : fallback;
}
