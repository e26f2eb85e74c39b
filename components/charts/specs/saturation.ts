import type { VisualizationSpec } from 'vega-embed';
import { plural } from '../../../lib/text/plural';

export interface SaturationRow {
  batch: number;
  coded: number;
  newCodes: number;
  totalCodes: number;
  endedAt: string;
}

/**
 * Codebook saturation: bars of new codes per batch of coded visualisations, and a line of the codes
 * in use so far (right axis). Saturation shows as bars falling to zero while the line flattens.
 */
export function saturationSpec(rows: SaturationRow[], opts: { batchSize: number }): VisualizationSpec {
  const x = {
    field: 'batch',
    type: 'ordinal' as const,
    title: `Batch of ${plural(opts.batchSize, 'coded visualisation')}`,
    axis: { labelAngle: 0 },
    scale: { paddingInner: 0.35, paddingOuter: 0.2 },
  };
  const tooltip = [
    { field: 'batch', title: 'Batch' },
    { field: 'coded', title: 'Visualisations' },
    { field: 'newCodes', title: 'New codes' },
    { field: 'totalCodes', title: 'Codes so far' },
    { field: 'endedAt', type: 'temporal' as const, title: 'Batch ended', format: '%d %b %Y %H:%M' },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 220,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', color: '#8fa6ff', cornerRadiusEnd: 3 },
        encoding: { x, y: { field: 'newCodes', type: 'quantitative', title: 'New codes in the batch', axis: { tickMinStep: 1 } }, tooltip },
      },
      {
        mark: { type: 'line', color: '#e45756', strokeWidth: 2, point: { filled: true, color: '#e45756', size: 50 } },
        encoding: {
          x,
          y: { field: 'totalCodes', type: 'quantitative', title: 'Codes so far', axis: { orient: 'right', tickMinStep: 1, titleColor: '#e45756' } },
          tooltip,
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
