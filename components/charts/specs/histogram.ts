import type { VisualizationSpec } from 'vega-embed';

/** Distribution of a per-item count (e.g. visualisations per notebook). */
export function histogramSpec(values: number[], opts: { x: string; y: string }): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 220,
    data: { values: values.map((v) => ({ v })) },
    mark: { type: 'bar', color: '#7b8fe8', cornerRadiusEnd: 2 },
    encoding: {
      x: { field: 'v', bin: { maxbins: 20 }, title: opts.x },
      y: { aggregate: 'count', title: opts.y },
      tooltip: [{ aggregate: 'count', title: opts.y }],
    },
  };
}
