import { outputFigure, type NbCell } from '../notebooks';
import type { VisualisationKind } from '../db/schema';
import { sha256Hex } from '../blobs/store';
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

/**
 * Finds every visualisation in the outputs, one per output. Image payloads are decoded and hashed,
 * and replaced in place by `{ $blob: sha256 }` (interactive specs by `{ $visualisation: true }`),
 * so the stored outputs stay small and the bytes live once in the blob store.
 */
export function extractVisualisations(cells: NbCell[]): ExtractedVisualisation[] {
  const found: ExtractedVisualisation[] = [];
  cells.forEach((cell, cellPosition) => {
    cell.outputs.forEach((output, outputIndex) => {
      const figure = outputFigure(output);
      if (!figure) return;
      const data = output.data!;
      const { imageMime, specMime, html } = figure;
      let image: ExtractedImage | null = null;
      if (imageMime) {
        const value = data[imageMime] as string;
        const bytes = imageMime === 'image/svg+xml' ? Buffer.from(value, 'utf8') : Buffer.from(value, 'base64');
        image = { sha256: sha256Hex(bytes), mime: imageMime, bytes };
        data[imageMime] = { $blob: image.sha256 };
      }
      let spec: unknown = null;
      let kind: VisualisationKind = figure.kind;
      if (specMime) {
        spec = data[specMime];
        data[specMime] = { $visualisation: true };
        // bokeh's exec MIME is an empty marker: its document is JSON inside the script beside it.
        if (kind === 'bokeh') {
          const page = typeof data['text/html'] === 'string' ? data['text/html'] : null;
          spec = bokehFigureFromScript(String(data['application/javascript'] ?? page ?? '')) ?? spec;
        }
      } else if (html !== null) {
        // plotly's and bokeh's HTML carry their figure as JSON: keep that, drawn by our own library.
        const plotly = plotlyFigureFromHtml(html);
        const bokeh = plotly ? null : bokehFigureFromScript(html);
        spec = plotly ?? bokeh ?? { html };
        if (plotly) kind = 'plotly';
        else if (bokeh) kind = 'bokeh';
      }
      found.push({
        cellPosition,
        outputIndex,
        kind,
        mime: figure.mime,
        mimes: Object.keys(data),
        image,
        spec,
      });
    });
  });
  return found;
}
