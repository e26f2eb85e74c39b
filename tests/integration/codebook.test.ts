import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { codebookChanges, codings, consensusCodings } from '../../lib/db/schema';
import { createCode } from '../../lib/coding/codebook/create-code';
import { updateCode } from '../../lib/coding/codebook/update-code';
import { moveCode } from '../../lib/coding/codebook/move-code';
import { mergeCodes } from '../../lib/coding/codebook/merge-codes';
import { splitCode } from '../../lib/coding/codebook/split-code';
import { deprecateCode } from '../../lib/coding/codebook/deprecate-code';
import { getCodebook } from '../../lib/coding/codebook/get-codebook';
import { getCodebookAt } from '../../lib/coding/codebook/get-codebook-at';
import { compareCodebooks } from '../../lib/coding/codebook/compare-codebooks';
import { listChanges } from '../../lib/coding/codebook/list-changes';
import { createTestStore, type TestStore } from '../helpers/db';
import { importFigures, makeSample, makeStudy, submitCoding } from '../helpers/codebook-fixture';

const SUP = 'sup-1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('codebook operations', () => {
  let store: TestStore;
  let studyId: number;
  beforeAll(async () => {
    store = await createTestStore();
    studyId = await makeStudy(store.db);
  });
  afterAll(() => store?.close());

  const changesOf = async (codeId: number) =>
    store.db.select().from(codebookChanges).where(eq(codebookChanges.codeId, codeId)).orderBy(codebookChanges.id);

  it('creates categories and codes, records each with a full snapshot, and refuses bad input with a way out', async () => {
    const chart = await createCode(store.db, SUP, studyId, { name: 'Chart type', kind: 'category', reason: 'start' });
    const bar = await createCode(store.db, SUP, studyId, { name: 'Bar', parentId: chart.id, shortcut: 'b', colour: '#FF0000', definition: 'bars' });
    expect(bar).toMatchObject({ parentId: chart.id, kind: 'code', shortcut: 'b', colour: '#ff0000', position: 0, status: 'active' });
    const [change] = await changesOf(bar.id);
    expect(change).toMatchObject({ action: 'create', userId: SUP, before: null });
    expect(change.after).toMatchObject({ id: bar.id, name: 'Bar', definition: 'bars', shortcut: 'b' });

    await expect(createCode(store.db, SUP, studyId, { name: 'bar', parentId: chart.id })).rejects.toThrow(/already exists under “Chart type”/);
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', parentId: chart.id, shortcut: 'B' })).rejects.toThrow(/already used by code “Bar”/);
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', shortcut: 'ab' })).rejects.toThrow(/single key/);
    // The workspace's own keys are refused, naming what they do there.
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', shortcut: 'f' })).rejects.toThrow('The key “f” is taken by the coding workspace: it means “flag / unflag the item”. Choose another key.');
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', shortcut: 'S' })).rejects.toThrow(/“S” is taken by the coding workspace: it means “skip to the next pending item”/);
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', shortcut: '3' })).rejects.toThrow(/it means “apply the code in position 3”/);
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', shortcut: '/' })).rejects.toThrow(/it means “search codes”/);
    await expect(updateCode(store.db, SUP, studyId, bar.id, { shortcut: 'u' })).rejects.toThrow(/it means “use a coder’s codings \(consensus editor\)”/);
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', colour: 'red' })).rejects.toThrow(/#rrggbb/);
    const other = await makeStudy(store.db, 'Other');
    const foreign = await createCode(store.db, SUP, other, { name: 'Elsewhere' });
    await expect(createCode(store.db, SUP, studyId, { name: 'Line', parentId: foreign.id })).rejects.toThrow(/not in this study's codebook/);
    // The same name is fine in another place of the tree.
    const top = await createCode(store.db, SUP, studyId, { name: 'Bar' });
    expect(top.parentId).toBeNull();
    // Codes without a chosen colour take the next palette colour, so they stay apart on screen.
    expect(chart.colour).not.toBe(top.colour);
    expect(top.colour).toMatch(/^#[0-9a-f]{6}$/);
    const cb = await getCodebook(store.db, studyId);
    expect(cb.tree.map((n) => [n.name, n.children.map((c) => c.name)])).toEqual([
      ['Chart type', ['Bar']],
      ['Bar', []],
    ]);
  });

  it('renames (action "rename") and edits fields (action "update"), recording nothing for a no-op', async () => {
    const code = await createCode(store.db, SUP, studyId, { name: 'Scater' });
    const renamed = await updateCode(store.db, SUP, studyId, code.id, { name: 'Scatter', reason: 'typo' });
    expect(renamed.name).toBe('Scatter');
    const edited = await updateCode(store.db, SUP, studyId, code.id, { whenToUse: 'points', shortcut: 'p' });
    expect(edited).toMatchObject({ whenToUse: 'points', shortcut: 'p' });
    await updateCode(store.db, SUP, studyId, code.id, { whenToUse: 'points' });
    const changes = await changesOf(code.id);
    expect(changes.map((c) => [c.action, c.reason])).toEqual([
      ['create', ''],
      ['rename', 'typo'],
      ['update', ''],
    ]);
    expect((changes[1].before as { name: string }).name).toBe('Scater');
    expect((changes[1].after as { name: string }).name).toBe('Scatter');
  });

  it('moves a code under another parent, refusing a cycle', async () => {
    const a = await createCode(store.db, SUP, studyId, { name: 'Purpose', kind: 'category' });
    const b = await createCode(store.db, SUP, studyId, { name: 'Evaluation', kind: 'category', parentId: a.id });
    const c = await createCode(store.db, SUP, studyId, { name: 'Confusion matrix', parentId: b.id });
    await expect(moveCode(store.db, SUP, studyId, a.id, { parentId: c.id })).rejects.toThrow(/cycle/);
    await expect(moveCode(store.db, SUP, studyId, a.id, { parentId: a.id })).rejects.toThrow(/cycle/);
    const moved = await moveCode(store.db, SUP, studyId, c.id, { parentId: a.id, position: 0, reason: 'belongs higher' });
    expect(moved).toMatchObject({ parentId: a.id, position: 0 });
    const cb = await getCodebook(store.db, studyId);
    expect(cb.tree.find((n) => n.id === a.id)!.children.map((n) => n.name)).toEqual(['Confusion matrix', 'Evaluation']);
    // Evaluation shifted to position 1: recorded in the same changeset.
    const [moveChange] = (await changesOf(c.id)).filter((ch) => ch.action === 'move');
    const set = await store.db.select().from(codebookChanges).where(eq(codebookChanges.changeset, moveChange.changeset));
    expect(set.map((r) => r.codeId).sort()).toEqual([b.id, c.id].sort());
    expect(set.every((r) => r.reason === 'belongs higher')).toBe(true);
  });

  it('merges: codings and consensus codings follow the survivor, duplicates collapse, sub-codes move', async () => {
    const s = await makeStudy(store.db, 'Merge');
    const vis = await importFigures(store.db, store.blobDir, [[40, 30], [50, 30]], { name: 'merge' });
    const [item1, item2] = await makeSample(store.db, s, vis);
    const keep = await createCode(store.db, SUP, s, { name: 'Loss curve', exampleVisualisationIds: [vis[0]] });
    const gone = await createCode(store.db, SUP, s, { name: 'Training curve', shortcut: 't', exampleVisualisationIds: [vis[1]] });
    const child = await createCode(store.db, SUP, s, { name: 'Validation loss', parentId: gone.id });
    // ana applied both codes to item1 (a duplicate after the merge); ben only the merged one.
    await submitCoding(store.db, item1, 'ana', new Date(), [{ codeId: keep.id, memo: 'first' }, { codeId: gone.id, memo: 'second' }]);
    await submitCoding(store.db, item1, 'ben', new Date(), [gone.id]);
    await submitCoding(store.db, item2, 'ana', new Date(), [{ codeId: gone.id, region: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 } }, keep.id]);
    await store.db.insert(consensusCodings).values([
      { sampleItemId: item1, codeId: gone.id, decidedBy: SUP },
      { sampleItemId: item1, codeId: keep.id, decidedBy: SUP },
    ]);

    await expect(mergeCodes(store.db, SUP, s, { survivorId: keep.id, mergedIds: [gone.id], reason: ' ' })).rejects.toThrow(/reason/);
    const r = await mergeCodes(store.db, SUP, s, { survivorId: keep.id, mergedIds: [gone.id], reason: 'same concept' });
    expect(r).toMatchObject({ codingsMoved: 3, consensusMoved: 1, duplicatesCollapsed: 2 });
    expect(r.merged[0]).toMatchObject({ id: gone.id, status: 'merged', mergedIntoId: keep.id });
    expect(r.survivor.exampleVisualisationIds.sort()).toEqual([...vis].sort());

    const left = await store.db.select().from(codings).where(eq(codings.codeId, keep.id)).orderBy(codings.id);
    // ana/item1 collapsed to one (memos joined); ben/item1; ana/item2 whole image and ana/item2 region stay apart.
    const key = (c: (typeof left)[number]) => `${c.sampleItemId === item1 ? 1 : 2}/${c.userId}/${c.region ? 'region' : 'whole'}`;
    expect(left.map(key).sort()).toEqual(['1/ana/whole', '1/ben/whole', '2/ana/region', '2/ana/whole']);
    expect(left).toHaveLength(4);
    expect(left.find((c) => c.sampleItemId === item1 && c.userId === 'ana')!.memo).toBe('first\n\nsecond');
    expect(await store.db.select().from(codings).where(eq(codings.codeId, gone.id))).toHaveLength(0);
    expect(await store.db.select().from(consensusCodings).where(eq(consensusCodings.codeId, keep.id))).toHaveLength(1);

    const cb = await getCodebook(store.db, s);
    expect(cb.codes.find((c) => c.id === child.id)!.parentId).toBe(keep.id);
    expect(cb.codes.find((c) => c.id === keep.id)!.uses).toBe(5);
    // The merged code's shortcut is free again.
    await createCode(store.db, SUP, s, { name: 'Accuracy curve', shortcut: 't' });
    const [set] = await listChanges(store.db, s, { limit: 2 }).then((l) => l.filter((x) => x.action === 'merge'));
    expect(set.reason).toBe('same concept');
    expect(set.codes.map((c) => c.codeId).sort()).toEqual([keep.id, gone.id, child.id].sort());
  });

  it('splits a code, moving chosen codings to the new codes and deprecating the original', async () => {
    const s = await makeStudy(store.db, 'Split');
    const vis = await importFigures(store.db, store.blobDir, [[30, 30], [31, 30], [32, 30]], { name: 'split' });
    const items = await makeSample(store.db, s, vis);
    const cat = await createCode(store.db, SUP, s, { name: 'Metrics', kind: 'category' });
    const plot = await createCode(store.db, SUP, s, { name: 'Metric plot', parentId: cat.id, shortcut: 'x' });
    const ids = [];
    for (const item of items) ids.push(...(await submitCoding(store.db, item, 'ana', new Date(), [plot.id])));
    const r = await splitCode(store.db, SUP, s, plot.id, {
      reason: 'too broad',
      into: [
        { name: 'ROC curve', shortcut: 'x', codingIds: [ids[0]] },
        { name: 'PR curve', codingIds: [ids[1]] },
      ],
    });
    expect(r.original.status).toBe('deprecated');
    expect(r.parts.map((p) => [p.name, p.parentId, p.shortcut])).toEqual([
      ['ROC curve', cat.id, 'x'],
      ['PR curve', cat.id, null],
    ]);
    expect(r.codingsMoved).toBe(2);
    const rows = await store.db.select().from(codings).where(eq(codings.sampleItemId, items[2]));
    expect(rows[0].codeId).toBe(plot.id);
    await expect(
      splitCode(store.db, SUP, s, r.parts[1].id, { reason: 'x', into: [{ name: 'Other', codingIds: [ids[2]] }] }),
    ).rejects.toThrow(/not codings with “PR curve”/);
    const [set] = await listChanges(store.db, s, { limit: 1 });
    expect(set).toMatchObject({ action: 'split', reason: 'too broad' });
    expect(set.codes).toHaveLength(3);
  });

  it('deprecates a category with its codes in one changeset', async () => {
    const s = await makeStudy(store.db, 'Deprecate');
    const cat = await createCode(store.db, SUP, s, { name: 'Old', kind: 'category' });
    const a = await createCode(store.db, SUP, s, { name: 'A', parentId: cat.id, shortcut: 'a' });
    await expect(deprecateCode(store.db, SUP, s, cat.id, '')).rejects.toThrow(/reason/);
    const out = await deprecateCode(store.db, SUP, s, cat.id, 'not used');
    expect(out.map((c) => [c.id, c.status]).sort()).toEqual([[cat.id, 'deprecated'], [a.id, 'deprecated']].sort());
    await expect(deprecateCode(store.db, SUP, s, a.id, 'again')).rejects.toThrow(/already deprecated/);
    // Bringing it back checks that its shortcut is still free.
    await createCode(store.db, SUP, s, { name: 'B', shortcut: 'a' });
    await expect(updateCode(store.db, SUP, s, a.id, { status: 'active' })).rejects.toThrow(/already used by code “B”/);
  });

  it('replays the codebook as it stood at an earlier time, and compares it with today', async () => {
    const s = await makeStudy(store.db, 'History');
    const cat = await createCode(store.db, SUP, s, { name: 'Kind', kind: 'category' });
    const x = await createCode(store.db, SUP, s, { name: 'Heatmap', parentId: cat.id, definition: 'v1' });
    const y = await createCode(store.db, SUP, s, { name: 'Table' });
    const [{ at: t1 }] = await listChanges(store.db, s, { limit: 1 });
    await sleep(5);
    await updateCode(store.db, SUP, s, x.id, { name: 'Heat map', definition: 'v2' });
    await moveCode(store.db, SUP, s, y.id, { parentId: cat.id });
    const z = await createCode(store.db, SUP, s, { name: 'Pie' });
    await deprecateCode(store.db, SUP, s, y.id, 'not a chart');

    const then = await getCodebookAt(store.db, s, new Date(t1));
    expect(then.codes.map((c) => c.name).sort()).toEqual(['Heatmap', 'Kind', 'Table']);
    expect(then.codes.find((c) => c.id === x.id)!.definition).toBe('v1');
    expect(then.tree.map((n) => [n.name, n.children.map((c) => c.name)])).toEqual([
      ['Kind', ['Heatmap']],
      ['Table', []],
    ]);
    // Before anything existed, the codebook was empty.
    expect((await getCodebookAt(store.db, s, new Date(Date.parse(t1) - 60_000))).codes).toEqual([]);

    const today = await getCodebook(store.db, s);
    const diff = compareCodebooks(then.codes, today.codes);
    expect(diff.added).toEqual([{ id: z.id, path: ['Pie'] }]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => [c.path.join(' / '), c.changes.map((f) => `${f.field}:${String(f.before)}→${String(f.after)}`)])).toEqual([
      ['Kind / Heat map', ['name:Heatmap→Heat map', 'definition:v1→v2']],
      ['Kind / Table', ['parent:null→Kind', 'status:active→deprecated']],
    ]);
  });
});
