// Which outputs are figures, decided exactly as lib/extract's extractVisualisations decides it (same
// MIME types, same HTML test), so analysis and import count the same visualisations. lib/extract's
// function cannot be reused as is: it rewrites the outputs in place (images become blob references).
import type { NbCell } from '../notebooks';

const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
const PLOTLY = 'application/vnd.plotly.v1+json';
const BOKEH = 'application/vnd.bokehjs_exec.v0+json';
const VEGA_LITE = /^application\/vnd\.vegalite\.v\d+\+json$/;
const VEGA = /^application\/vnd\.vega\.v\d+\+json$/;
const HTML_FIGURE = /Plotly\.newPlot|Bokeh\.embed|vegaEmbed\(|"application\/vnd\.bokehjs_exec/;

export interface FoundFigure {
  output: number;
  mime: string;
  data: Record<string, unknown>;
}

/** The figure outputs of one cell, in output order; one per output, its primary MIME chosen. */
export function figureOutputsOf(cell: NbCell): FoundFigure[] {
  const found: FoundFigure[] = [];
  cell.outputs.forEach((output, index) => {
    const data = output.data;
    if (!data || (output.output_type !== 'display_data' && output.output_type !== 'execute_result')) return;
    const mimes = Object.keys(data);
    const imageMime = IMAGE_MIMES.find((m) => typeof data[m] === 'string');
    // Preference among interactive specs: plotly > vega(-lite) > bokeh.
    const specMime =
      mimes.find((m) => m === PLOTLY) ?? mimes.find((m) => VEGA_LITE.test(m) || VEGA.test(m)) ?? mimes.find((m) => m === BOKEH);
    const html = typeof data['text/html'] === 'string' ? (data['text/html'] as string) : null;
    const htmlFigure = !specMime && html !== null && HTML_FIGURE.test(html);
    if (!imageMime && !specMime && !htmlFigure) return;
    found.push({ output: index, mime: imageMime ?? specMime ?? 'text/html', data });
  });
  return found;
}
