import type { VisualizationSpec } from 'vega-embed';

/**
 * The coding funnel as bars in stage order, each labelled with its count; unknown stages (null) are left
 * out. A linear scale with no axis: the labels give the numbers, so a crowded log axis is not needed
 * (the symlog axis read as ticks bunched at 0-10 with 1k, 10k squeezed at the end).
 */
export function funnelSpec(stages: { stage: string; count: number | null }[]): VisualizationSpec {
  const order = stages.map((s) => s.stage);
  const values = stages.filter((s) => s.count !== null);
  const y = { field: 'stage', type: 'nominal' as const, sort: order, title: null };
  const x = { field: 'count', type: 'quantitative' as const, title: null, axis: null, scale: { type: 'linear' as const, zero: true } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: '#3559e0', cornerRadiusEnd: 3 },
        encoding: { y, x, tooltip: [{ field: 'stage', title: 'Stage' }, { field: 'count', title: 'Count' }] },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#1f2937' },
        encoding: { y, x, text: { field: 'count', type: 'quantitative', format: ',' } },
      },
    ],
  };
}
