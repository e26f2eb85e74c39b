import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { barChartSpec } from './bar-chart';
import { histogramSpec } from './histogram';

describe('chart specs', () => {
  it('bar chart carries its rows and compiles with vega-lite', () => {
    const spec = barChartSpec([{ label: 'seaborn', count: 3 }, { label: 'matplotlib', count: 7 }], { x: 'figures', y: 'library' });
    expect((spec as { data: { values: unknown[] } }).data.values).toHaveLength(2);
    const marks = JSON.stringify(compile(spec as never).spec.marks);
    expect(marks).toContain('"type":"rect"');
  });

  it('histogram bins the values it is given', () => {
    const spec = histogramSpec([0, 1, 1, 4, 20], { x: 'visualisations', y: 'notebooks' });
    expect((spec as { data: { values: { v: number }[] } }).data.values.map((d) => d.v)).toEqual([0, 1, 1, 4, 20]);
    expect(() => compile(spec as never)).not.toThrow();
  });
});
