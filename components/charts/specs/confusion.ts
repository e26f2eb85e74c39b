import type { VisualizationSpec } from 'vega-embed';

/** The machine's labels against a human's values: a heatmap of counts with the count written in each cell. */
export function confusionSpec(cells: { machine: string; human: string; count: number }[], humanTitle: string): VisualizationSpec {
  const agree = cells.map((c) => ({ ...c, agree: c.machine === c.human }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: { step: 44 },
    height: { step: 30 },
    data: { values: agree },
    encoding: {
      x: { field: 'human', type: 'nominal', title: humanTitle, axis: { labelAngle: -30 } },
      y: { field: 'machine', type: 'nominal', title: 'Machine' },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          color: { field: 'count', type: 'quantitative', title: 'Items', scale: { scheme: 'blues' } },
          tooltip: [
            { field: 'machine', title: 'Machine' },
            { field: 'human', title: humanTitle },
            { field: 'count', title: 'Items' },
          ],
        },
      },
      {
        mark: { type: 'text', fontWeight: 600 },
        encoding: { text: { field: 'count', type: 'quantitative' }, color: { condition: { test: 'datum.agree', value: '#0b3d0b' }, value: '#333' } },
      },
    ],
  };
}
