// Which outputs are figures, and what each one primarily is: one decision for import (lib/extract
// stores the figures) and analysis (lib/analysis labels them), so both count the same visualisations.
import type { NbOutput } from './types';

// Preference order when an output carries several image representations: the first is the figure's.
const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
const PLOTLY = 'application/vnd.plotly.v1+json';
const BOKEH = 'application/vnd.bokehjs_exec.v0+json';
const VEGA_LITE = /^application\/vnd\.vegalite\.v\d+\+json$/;
const VEGA = /^application\/vnd\.vega\.v\d+\+json$/;
// HTML outputs that are really figures (plotly offline, bokeh, altair); other HTML is tables or text.
const HTML_FIGURE = /Plotly\.newPlot|Bokeh\.embed|vegaEmbed\(|"application\/vnd\.bokehjs_exec/;

export interface OutputFigure {
  /** The figure's primary MIME type: its image if it has one, else its spec, else text/html. */
  mime: string;
  /** The image representation (only string payloads: the parser checked PNG/JPEG base64). */
  imageMime: string | null;
  /** The interactive spec's MIME type, the first the output lists. */
  specMime: string | null;
  /** What the spec (or the HTML, when there is no spec) is drawn with; 'image' when neither. */
  kind: 'image' | 'plotly' | 'bokeh' | 'vega-lite' | 'vega' | 'html';
  /** The HTML of an output whose HTML is the figure (no spec beside it); null otherwise. */
  html: string | null;
}

/** The figure an output shows, or null when it shows none (text, tables, errors). One per output. */
export function outputFigure(output: NbOutput): OutputFigure | null {
  const data = output.data;
  if (!data || (output.output_type !== 'display_data' && output.output_type !== 'execute_result')) return null;
  const imageMime = IMAGE_MIMES.find((m) => typeof data[m] === 'string') ?? null;
  const specMime = Object.keys(data).find((m) => m === PLOTLY || m === BOKEH || VEGA_LITE.test(m) || VEGA.test(m)) ?? null;
  const text = typeof data['text/html'] === 'string' ? data['text/html'] : null;
  const html = !specMime && text !== null && HTML_FIGURE.test(text) ? text : null;
  if (!imageMime && !specMime && html === null) return null;
  return { mime: imageMime ?? specMime ?? 'text/html', imageMime, specMime, kind: kindOf(specMime, html !== null), html };
}

function kindOf(specMime: string | null, htmlFigure: boolean): OutputFigure['kind'] {
  if (specMime === PLOTLY) return 'plotly';
  if (specMime === BOKEH) return 'bokeh';
  if (specMime && VEGA_LITE.test(specMime)) return 'vega-lite';
  if (specMime && VEGA.test(specMime)) return 'vega';
  if (htmlFigure) return 'html';
  return 'image';
}
