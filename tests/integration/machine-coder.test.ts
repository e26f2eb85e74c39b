import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, consensusCodings, visualisationLabels } from '../../lib/db/schema';
import { machineAgreement } from '../../lib/coding/machine/machine-agreement';
import { labelMapBody, setLabelMapping, setMachineSuggestions } from '../../lib/coding/machine/label-map';
import { aggregateScope } from '../../lib/coding/queue/blind-items';
import { getWorkItem } from '../../lib/coding/queue/get-work-item';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeItem, seedStudy, type SeededStudy } from './agreement-page-fixtures';

// The analysis engine as a coder, on a hand-made study: labels and codings written straight to the
// tables; κ, α and % checked against a computation written out here, apart from lib/agreement.

/** Cohen's κ of two coders' paired nominal values: (po − pe) / (1 − pe). */
function kappa(pairs: [string, string][]): number {
  const n = pairs.length;
  const po = pairs.filter(([a, b]) => a === b).length / n;
  const cats = new Set(pairs.flat());
  let pe = 0;
  for (const c of cats) pe += (pairs.filter(([a]) => a === c).length / n) * (pairs.filter(([, b]) => b === c).length / n);
  return (po - pe) / (1 - pe);
}
/** Krippendorff's α (nominal) for two coders and no missing values, from the coincidence matrix. */
function alpha(pairs: [string, string][]): number {
  const values = pairs.flat();
  const n = values.length;
  const disagreeing = 2 * pairs.filter(([a, b]) => a !== b).length; // o_ck off the diagonal, both orders
  const nc = [...new Set(values)].map((c) => values.filter((v) => v === c).length);
  const expected = (n * n - nc.reduce((s, x) => s + x * x, 0)) / (n * (n - 1));
  return 1 - disagreeing / n / expected;
}

describe('the machine as a coder', () => {
  let store: TestStore;
  let s: SeededStudy;
  const machine = ['bar', 'bar', 'line', 'line', 'scatter', 'bar', 'line', 'scatter'];
  const consensus = ['bar', 'line', 'line', 'line', 'scatter', 'bar', 'other', null];
  const c1 = [['bar'], ['bar'], ['line'], ['scatter'], ['scatter'], ['bar'], ['line', 'bar'], ['scatter']];

  beforeAll(async () => {
    store = await createTestStore();
    const db = store.db;
    s = await seedStudy(store, { supervisor: 'sup', coders: ['c1', 'c2'], items: 8, paths: ['Chart/bar', 'Chart/line', 'Chart/scatter', 'Chart/other', 'Stage/eval'] });
    for (const v of ['bar', 'line', 'scatter']) await setLabelMapping(db, s.studyId, labelMapBody.parse({ codeId: s.code(`Chart/${v}`), field: 'chartType', value: v }));
    await setLabelMapping(db, s.studyId, labelMapBody.parse({ codeId: s.code('Stage/eval'), field: 'mlStage', value: 'model_evaluation' }));
    const [{ nb }] = await db.execute<{ nb: number }>(sql`select notebook_id::int as nb from visualisations where id = ${s.visualisations[0]}`);
    await db.insert(visualisationLabels).values(
      s.visualisations.map((visualisationId, i) => ({
        visualisationId, notebookId: Number(nb), analyserVersion: 't', chartType: machine[i], library: 'matplotlib', mlStage: 'model_evaluation',
        multiPanel: false, confidence: { chartType: 0.9, mlStage: 0.6 }, evidence: [], slice: { cells: [], lines: [], code: '' },
      })),
    );
    for (const [i, item] of s.items.entries()) {
      await codeItem(db, s, item, 'c1', c1[i].map((v) => `Chart/${v}`).concat(i === 0 ? ['Stage/eval'] : []));
      if (i < 4) await codeItem(db, s, item, 'c2', [i === 1 ? 'Chart/line' : `Chart/${machine[i]}`, 'Stage/eval']);
      if (i === 7) await codeItem(db, s, item, 'c2', ['Chart/bar'], { status: 'pending' }); // blind, not yet submitted by c2
      if (consensus[i]) await db.insert(consensusCodings).values({ sampleItemId: item, codeId: s.code(`Chart/${consensus[i]}`), decidedBy: 'sup' });
    }
  });
  afterAll(async () => store?.close());

  it("κ, α and % of the machine against consensus and against a coder equal the hand computation; n said", async () => {
    const { fields } = await machineAgreement(store.db, { studyId: s.studyId });
    const chart = fields.find((f) => f.field === 'chartType')!;
    // Consensus: item 6 is coded with an unmapped code, item 7 has none — both left out.
    const vsConsensus: [string, string][] = [0, 1, 2, 3, 4, 5].map((i) => [machine[i], consensus[i]!]);
    expect(chart.consensus!.n).toBe(6);
    expect(chart.consensus!.kappa).toBeCloseTo(kappa(vsConsensus), 10);
    expect(chart.consensus!.kappa).toBeCloseTo(17 / 23, 10); // po 5/6, pe 13/36, by hand
    expect(chart.consensus!.alpha).toBeCloseTo(alpha(vsConsensus), 10);
    expect(chart.consensus!.percent).toBeCloseTo(5 / 6, 10);
    expect(chart.consensus!.confusion).toContainEqual({ machine: 'bar', human: 'line', count: 1 });
    // c1: item 6's codes map to two chart types (ambiguous, left out); item 7 counts for a supervisor.
    const vsC1: [string, string][] = [0, 1, 2, 3, 4, 5, 7].map((i) => [machine[i], c1[i][0]]);
    const first = chart.coders.find((c) => c.against === 'c1')!;
    expect(first).toMatchObject({ n: 7, ambiguous: 1 });
    expect(first.kappa).toBeCloseTo(kappa(vsC1), 10);
    expect(first.alpha).toBeCloseTo(alpha(vsC1), 10);
    expect(chart.coders.find((c) => c.against === 'c2')!.n).toBe(4);
    // Precision / recall per value against consensus.
    expect(chart.perValue.find((p) => p.value === 'bar')).toMatchObject({ precision: 2 / 3, recall: 1, support: 2 });
    expect(chart.perValue.find((p) => p.value === 'line')).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    // The stage field: only c1 item 0 and c2 items 0–3 applied the mapped stage code; no consensus on it.
    const stage = fields.find((f) => f.field === 'mlStage')!;
    expect(stage.consensus).toBeNull();
    expect(stage.coders.map((c) => [c.against, c.n])).toEqual([['c1', 1], ['c2', 4]]);
  });

  it('a coder sees the machine-vs-coder figures under the blind rule for aggregates', async () => {
    const scope = await aggregateScope(store.db, s.studyId, { userId: 'c1', studyRole: 'coder' });
    expect(scope.hidden.has(s.items[7])).toBe(true);
    const { fields } = await machineAgreement(store.db, { studyId: s.studyId }, scope);
    const first = fields.find((f) => f.field === 'chartType')!.coders.find((c) => c.against === 'c1')!;
    expect(first.n).toBe(6); // item 7 is still being coded blind by c2
    expect(first.kappa).toBeCloseTo(kappa([0, 1, 2, 3, 4, 5].map((i) => [machine[i], c1[i][0]])), 10);
  });

  it('refuses a value outside the vocabulary', () => {
    expect(labelMapBody.safeParse({ codeId: 1, field: 'chartType', value: 'model_evaluation' }).success).toBe(false);
    expect(labelMapBody.safeParse({ codeId: 1, field: 'mlStage', value: 'fairness' }).success).toBe(true);
  });

  it('the suggestion: absent when off, and on a blind double-coded item before its coder submits', async () => {
    const db = store.db;
    const user = (id: string) => ({ id, email: `${id}@example.org`, name: id, role: 'coder' as const });
    const assignmentOf = async (coder: string, item: number) =>
      (await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.userId, coder), eq(assignments.sampleItemId, item))))[0].id;
    const item = s.items[7];
    const [a1, a2] = [await assignmentOf('c1', item), await assignmentOf('c2', item)];

    expect((await getWorkItem(db, user('c1'), a1)).machine).toBeNull(); // setting off by default
    await setMachineSuggestions(db, s.studyId, true);
    expect((await getWorkItem(db, user('c1'), a1)).machine).toMatchObject({ chartType: 'scatter', mlStage: 'model_evaluation', confidence: { chartType: 0.9 } });
    const before = await getWorkItem(db, user('c2'), a2);
    expect(before.sample.blind).toBe(true);
    expect(before.machine).toBeNull(); // c2 has not submitted this blind, double-coded item
    expect(JSON.stringify(before)).not.toContain('model_evaluation'); // nothing of the labels leaks elsewhere
    await db.update(assignments).set({ status: 'submitted', submittedAt: new Date() }).where(eq(assignments.id, a2));
    expect((await getWorkItem(db, user('c2'), a2)).machine).toMatchObject({ chartType: 'scatter' });
    await setMachineSuggestions(db, s.studyId, false);
    expect((await getWorkItem(db, user('c2'), a2)).machine).toBeNull();
  });
});
