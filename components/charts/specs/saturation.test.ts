import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { saturationSpec } from './saturation';

describe('saturation spec', () => {
  const rows = [
    { batch: 1, coded: 5, newCodes: 4, totalCodes: 4, endedAt: '2026-01-01T10:00:00.000Z' },
    { batch: 2, coded: 5, newCodes: 1, totalCodes: 5, endedAt: '2026-01-02T10:00:00.000Z' },
    { batch: 3, coded: 2, newCodes: 0, totalCodes: 5, endedAt: '2026-01-03T10:00:00.000Z' },
  ];

  it('draws new codes as bars and codes so far as a line, on two y scales', () => {
    const spec = saturationSpec(rows, { batchSize: 5 }) as { data: { values: unknown[] }; layer: Array<{ mark: { type: string }; encoding: { y: { field: string } } }> };
    expect(spec.data.values).toEqual(rows);
    expect(spec.layer.map((l) => [l.mark.type, l.encoding.y.field])).toEqual([
      ['bar', 'newCodes'],
      ['line', 'totalCodes'],
    ]);
    const compiled = compile(spec as never).spec;
    const marks = JSON.stringify(compiled.marks);
    expect(marks).toContain('"type":"rect"');
    expect(marks).toContain('"type":"line"');
    // Independent y scales: one per layer.
    expect((compiled.scales ?? []).filter((s) => s.type === 'linear')).toHaveLength(2);
  });

  it('names the batch size on the x axis', () => {
    expect(JSON.stringify(saturationSpec(rows, { batchSize: 1 }))).toContain('Batch of 1 coded visualisation"');
    expect(JSON.stringify(saturationSpec(rows, { batchSize: 10 }))).toContain('Batch of 10 coded visualisations');
  });
});
