import type { VisualizationSpec } from 'vega-embed';

/** Items submitted per day, stacked by coder. */
export function coderThroughputSpec(rows: { coder: string; date: string; submitted: number }[]): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 200,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'date', type: 'ordinal', title: 'Day (UTC)', axis: { labelAngle: -40 } },
      y: { field: 'submitted', type: 'quantitative', aggregate: 'sum', title: 'Items submitted', axis: { tickMinStep: 1 } },
      color: { field: 'coder', type: 'nominal', title: 'Coder' },
      tooltip: [
        { field: 'date', title: 'Day' },
        { field: 'coder', title: 'Coder' },
        { field: 'submitted', title: 'Submitted' },
      ],
    },
  };
}
