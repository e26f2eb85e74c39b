import type { VisualizationSpec } from 'vega-embed';

export type HeatmapShow = 'count' | 'rowShare' | 'colShare';

export interface HeatmapCell {
  row: string;
  col: string;
  count: number;
}

/**
 * A cross-tab as a heatmap: colour and label are the count, or its share of its row or column
 * (each cell carries all three for the tooltip). Rows and columns keep the order given.
 */
export function heatmapSpec(cells: HeatmapCell[], opts: { rows: string; cols: string; show: HeatmapShow }): VisualizationSpec {
  const rowSum = totals(cells, (c) => c.row);
  const colSum = totals(cells, (c) => c.col);
  const values = cells.map((c) => ({ ...c, rowShare: c.count / rowSum.get(c.row)!, colShare: c.count / colSum.get(c.col)! }));
  const format = opts.show === 'count' ? ',d' : '.0%';
  const title = opts.show === 'count' ? 'visualisations' : opts.show === 'rowShare' ? 'share of row' : 'share of column';
  const order = (key: 'row' | 'col') => [...new Set(cells.map((c) => c[key]))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: { step: 24 },
    data: { values },
    encoding: {
      x: { field: 'col', type: 'nominal', title: opts.cols, sort: order('col'), axis: { labelAngle: -35 } },
      y: { field: 'row', type: 'nominal', title: opts.rows, sort: order('row') },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: { field: opts.show, type: 'quantitative', title, scale: { scheme: 'blues' }, legend: { format } },
          tooltip: [
            { field: 'row', title: opts.rows },
            { field: 'col', title: opts.cols },
            { field: 'count', title: 'visualisations', format: ',d' },
            { field: 'rowShare', title: 'share of row', format: '.1%' },
            { field: 'colShare', title: 'share of column', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: opts.show, type: 'quantitative', format },
          color: { condition: { test: `datum.${opts.show} > ${maxOf(values, opts.show) / 2}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}

function totals(cells: HeatmapCell[], key: (c: HeatmapCell) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of cells) m.set(key(c), (m.get(key(c)) ?? 0) + c.count);
  return m;
}

const maxOf = (values: Array<Record<HeatmapShow, number>>, k: HeatmapShow) => Math.max(0, ...values.map((v) => v[k]));
