import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { agreementOverTimeSpec, alphaPerCodeSpec } from './agreement';
import { funnelSpec } from './funnel';
import { coderThroughputSpec } from './coder-throughput';

const values = (spec: unknown) => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

describe('agreement and progress chart specs', () => {
  it('α per code: leaves undefined α out, bands by Krippendorff’s thresholds, axis reaches negative α', () => {
    const spec = alphaPerCodeSpec([
      { code: 'Chart/bar', alpha: 0.9, items: 10, coders: 2 },
      { code: 'Chart/line', alpha: 0.7, items: 10, coders: 2 },
      { code: 'Chart/pie', alpha: -0.2, items: 10, coders: 2 },
      { code: 'Chart/box', alpha: null, items: 0, coders: 1 },
    ]);
    expect(values(spec).map((v) => [v.code, v.band])).toEqual([
      ['Chart/bar', '≥ 0.80 reliable'],
      ['Chart/line', '0.667–0.80 tentative'],
      ['Chart/pie', '< 0.667 unreliable'],
    ]);
    expect(JSON.stringify(spec)).toContain('"domain":[-0.2,1]');
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('agreement over time: one series per defined coefficient', () => {
    const spec = agreementOverTimeSpec([
      { date: '2026-04-01', alpha: 0.5, cohenKappa: null, percentAgreement: 1, items: 1 },
      { date: '2026-04-02', alpha: 0.6, cohenKappa: 0.4, percentAgreement: 0.5, items: 4 },
    ]);
    expect(values(spec)).toHaveLength(5);
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('funnel keeps stage order and drops unknown stages; throughput stacks coders per day', () => {
    const spec = funnelSpec([
      { stage: 'imported', count: 10 },
      { stage: 'reproduced', count: null },
      { stage: 'sampled', count: 4 },
    ]);
    expect(values(spec).map((v) => v.stage)).toEqual(['imported', 'sampled']);
    expect(JSON.stringify(spec)).toContain('"sort":["imported","reproduced","sampled"]');
    expect(JSON.stringify(spec)).not.toContain('symlog'); // a linear bar length, numbers on the bars, no crowded axis
    expect(() => compile(spec as never)).not.toThrow();
    const t = coderThroughputSpec([{ coder: 'ana', date: '2026-04-01', submitted: 2 }]);
    expect(values(t)).toHaveLength(1);
    expect(JSON.stringify(compile(t as never).spec.marks)).toContain('"type":"rect"');
  });
});
