import { describe, expect, it } from 'vitest';
import { agreementReport } from './codings-report';
import { readCodingsCsv } from './read-codings';

// Vector 6 of agreement-test-vectors.md as codings: code "1" applied or not by two coders on 10 units.
const c1 = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
const c2 = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
const csv = [
  'item,notebook_ref,cell,coder,code_path,region,memo,time,kind',
  ...c1.map((v, i) => `v${i},a/b,3,ana,${v ? 'chart/bar' : ''},,,2026-01-01T00:00:00Z,individual`),
  ...c2.map((v, i) => `v${i},a/b,3,ben,${v ? 'chart/bar' : ''},,"a memo, with a comma",2026-01-01T00:00:00Z,individual`),
  'v0,a/b,3,supervisor,chart/bar,,,2026-01-02T00:00:00Z,consensus',
].join('\n');

describe('agreement report from a codings CSV', () => {
  it('reproduces the published figures per code and leaves consensus rows out', () => {
    const report = agreementReport(readCodingsCsv(csv));
    const bar = report.perCode.find((c) => c.code === 'chart/bar')!;
    expect(bar.items).toBe(10);
    expect(bar.coders).toBe(2);
    expect(bar.percentAgreement).toBeCloseTo(0.6, 6);
    expect(bar.cohenKappa).toBeCloseTo(0.090909, 6);
    expect(bar.alpha).toBeCloseTo(0.095238, 6);
    expect(report.overall.coders).toBe(2);
    expect(report.overall.percentAgreement).toBeCloseTo(0.6, 6);
  });

  it('names the missing column', () => {
    expect(() => readCodingsCsv('item,who,code\nv1,ana,x\n')).toThrow(/no coder column/);
  });
});
