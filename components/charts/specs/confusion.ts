import type { VisualizationSpec } from 'vega-embed';

/** The machine's labels against a human's values: a heatmap of counts with the count written in each cell. */
export function confusionSpec(cells: { machine: string; human: string; count: number }[], humanTitle: string): VisualizationSpec {
  // Dark cells (the upper half of the scale) get white figures, so every count stays readable.
  const max = Math.max(1, ...cells.map((c) => c.count));
  const agree = cells.map((c) => ({ ...c, dark: c.count > max / 2 }));
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
        encoding: { text: { field: 'count', type: 'quantitative' }, color: { condition: { test: 'datum.dark', value: 'white' }, value: '#1b1b1b' } },
      },
    ],
  };
}
