import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { heatmapSpec } from './heatmap';

const cells = [
  { row: 'bar', col: 'exploration', count: 3 },
  { row: 'bar', col: 'evaluation', count: 1 },
  { row: 'roc', col: 'evaluation', count: 4 },
];

describe('heatmapSpec', () => {
  it('carries counts and row and column shares for every cell, and compiles', () => {
    const spec = heatmapSpec(cells, { rows: 'Chart type', cols: 'ML stage', show: 'count' }) as { data: { values: Array<Record<string, unknown>> } };
    expect(spec.data.values).toEqual([
      { row: 'bar', col: 'exploration', count: 3, rowShare: 0.75, colShare: 1 },
      { row: 'bar', col: 'evaluation', count: 1, rowShare: 0.25, colShare: 0.2 },
      { row: 'roc', col: 'evaluation', count: 4, rowShare: 1, colShare: 0.8 },
    ]);
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('colours and labels by the share asked for', () => {
    const spec = heatmapSpec(cells, { rows: 'r', cols: 'c', show: 'rowShare' }) as { layer: Array<{ encoding: Record<string, { field?: string; format?: string }> }> };
    expect(spec.layer[0].encoding.color.field).toBe('rowShare');
    expect(spec.layer[1].encoding.text).toMatchObject({ field: 'rowShare', format: '.0%' });
  });
});
