import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { throughputSpec } from '../charts/specs/throughput';
import { cellDurationsSpec, statusSharesSpec } from '../charts/specs/reproducibility';
import { formatDuration, formatShare } from './format';

type Values<T> = { data: { values: T[] } };

describe('reproduction chart specs', () => {
  it('throughput: three stacked outcomes per bucket, compiling to bars', () => {
    const spec = throughputSpec([
      { start: '2026-01-01T10:00:00Z', ok: 3, failed: 1, infrastructure: 0 },
      { start: '2026-01-01T10:05:00Z', ok: 0, failed: 2, infrastructure: 1 },
    ]);
    const values = (spec as unknown as Values<{ outcome: string; count: number }>).data.values;
    expect(values).toHaveLength(6);
    expect(values.filter((v) => v.outcome === 'notebook failed').map((v) => v.count)).toEqual([1, 2]);
    expect(JSON.stringify(compile(spec as never).spec.marks)).toContain('"type":"rect"');
  });

  it('status shares add up to one and leave infrastructure out', () => {
    const spec = statusSharesSpec({ ok: 2, exception: 5, timeout: 1, killed: 2 });
    const values = (spec as unknown as Values<{ status: string; share: number }>).data.values;
    expect(values.map((v) => v.status)).toEqual(['ok', 'exception', 'timeout', 'killed']);
    expect(values.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 10);
    expect(values[1].share).toBe(0.5);
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('cell durations number cells from 1 and mark the failing one', () => {
    const spec = cellDurationsSpec([{ position: 0, seconds: 0.1 }, { position: 3, seconds: 2 }], 3);
    const values = (spec as unknown as Values<{ cell: number; failing: boolean }>).data.values;
    expect(values).toEqual([{ cell: 1, seconds: 0.1, failing: false }, { cell: 4, seconds: 2, failing: true }]);
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('formats durations and shares for people', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0.42)).toBe('0.4 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(7300)).toBe('2 h 1 min');
    expect(formatShare(null)).toBe('—');
    expect(formatShare(2 / 9)).toBe('22.2 %');
  });
});

describe('top exceptions spec', () => {
  it('keeps its rows and compiles', async () => {
    const { topExceptionsSpec } = await import('../charts/specs/reproducibility');
    const spec = topExceptionsSpec([{ type: 'ModuleNotFoundError', count: 4 }, { type: 'NameError', count: 1 }]);
    expect((spec as unknown as Values<{ type: string }>).data.values.map((v) => v.type)).toEqual(['ModuleNotFoundError', 'NameError']);
    expect(() => compile(spec as never)).not.toThrow();
  });
});
