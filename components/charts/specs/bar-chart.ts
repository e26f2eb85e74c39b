import type { VisualizationSpec } from 'vega-embed';

/** A horizontal bar chart of counts per category, largest first. */
export function barChartSpec(rows: { label: string; count: number }[], opts: { x: string; y: string }): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: { step: 22 },
    data: { values: rows },
    mark: { type: 'bar', color: '#3559e0', cornerRadiusEnd: 3 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: '-x', title: opts.y },
      x: { field: 'count', type: 'quantitative', title: opts.x },
      tooltip: [
        { field: 'label', title: opts.y },
        { field: 'count', title: opts.x },
      ],
    },
  };
}
