import type { NbCell } from '../notebooks/types';
import type { VisualisationKind } from '../db/schema';
import { sha256Hex } from './blob-store';
import { plotlyFigureFromHtml } from './plotly-from-html';
import { bokehFigureFromScript } from './bokeh-from-script';

export interface ExtractedImage {
  sha256: string;
  mime: string;
  bytes: Buffer;
}

export interface ExtractedVisualisation {
  cellPosition: number;
  outputIndex: number;
  kind: VisualisationKind;
  mime: string;
  mimes: string[];
  image: ExtractedImage | null;
  spec: unknown;
}

// Preference order when an output carries several image representations: the first is stored.
const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
const PLOTLY = 'application/vnd.plotly.v1+json';
const BOKEH = 'application/vnd.bokehjs_exec.v0+json';
const VEGA_LITE = /^application\/vnd\.vegalite\.v\d+\+json$/;
const VEGA = /^application\/vnd\.vega\.v\d+\+json$/;
// HTML outputs that are really figures (plotly offline, bokeh, altair); other HTML is tables or text.
const HTML_FIGURE = /Plotly\.newPlot|Bokeh\.embed|vegaEmbed\(|"application\/vnd\.bokehjs_exec/;

/**
 * Finds every visualisation in the outputs, one per output. Image payloads are decoded and hashed,
 * and replaced in place by `{ $blob: sha256 }` (interactive specs by `{ $visualisation: true }`),
 * so the stored outputs stay small and the bytes live once in the blob store.
 */
export function extractVisualisations(cells: NbCell[]): ExtractedVisualisation[] {
  const found: ExtractedVisualisation[] = [];
  cells.forEach((cell, cellPosition) => {
    cell.outputs.forEach((output, outputIndex) => {
      const data = output.data;
      if (!data || (output.output_type !== 'display_data' && output.output_type !== 'execute_result')) return;
      const mimes = Object.keys(data);
      // Only string payloads are images (the parser checked PNG/JPEG base64; an SVG could be anything).
      const imageMime = IMAGE_MIMES.find((m) => typeof data[m] === 'string');
      const specMime = mimes.find((m) => m === PLOTLY || m === BOKEH || VEGA_LITE.test(m) || VEGA.test(m));
      const html = typeof data['text/html'] === 'string' ? (data['text/html'] as string) : null;
      const htmlFigure = !specMime && html !== null && HTML_FIGURE.test(html);
      if (!imageMime && !specMime && !htmlFigure) return;

      let image: ExtractedImage | null = null;
      if (imageMime) {
        const value = data[imageMime] as string;
        const bytes = imageMime === 'image/svg+xml' ? Buffer.from(value, 'utf8') : Buffer.from(value, 'base64');
        image = { sha256: sha256Hex(bytes), mime: imageMime, bytes };
        data[imageMime] = { $blob: image.sha256 };
      }
      let spec: unknown = null;
      let kind = kindOf(specMime, htmlFigure);
      if (specMime) {
        spec = data[specMime];
        data[specMime] = { $visualisation: true };
        // bokeh's exec MIME is an empty marker: its document is JSON inside the script beside it.
        if (kind === 'bokeh') spec = bokehFigureFromScript(String(data['application/javascript'] ?? html ?? '')) ?? spec;
      } else if (htmlFigure) {
        // plotly's and bokeh's HTML carry their figure as JSON: keep that, drawn by our own library.
        const plotly = plotlyFigureFromHtml(html!);
        const bokeh = plotly ? null : bokehFigureFromScript(html!);
        spec = plotly ?? bokeh ?? { html };
        if (plotly) kind = 'plotly';
        else if (bokeh) kind = 'bokeh';
      }
      found.push({
        cellPosition,
        outputIndex,
        kind,
        mime: imageMime ?? specMime ?? 'text/html',
        mimes,
        image,
        spec,
      });
    });
  });
  return found;
}

function kindOf(specMime: string | undefined, htmlFigure: boolean): VisualisationKind {
  if (specMime === PLOTLY) return 'plotly';
  if (specMime === BOKEH) return 'bokeh';
  if (specMime && VEGA_LITE.test(specMime)) return 'vega-lite';
  if (specMime && VEGA.test(specMime)) return 'vega';
  if (htmlFigure) return 'html';
  return 'image';
}
