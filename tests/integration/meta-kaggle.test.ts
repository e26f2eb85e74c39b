import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetaKaggle, type MetaKaggleFileSummary } from '../../lib/kaggle/meta-kaggle/import-meta-kaggle';
import { countMetaKaggle, selectFromMetaKaggle, type MetaKaggleSelection } from '../../lib/kaggle/meta-kaggle/select-kernels';
import { metaKaggleCodePath } from '../../lib/kaggle/meta-kaggle/code-path';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// A small Meta Kaggle dump with the real column names, an unknown column in each file, quoting, rows whose
// references do not resolve (private content) and malformed rows. Kernel k's current version is k·10⁶+1.
type Cell = string | number;
const q = (v: Cell) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (header: string, rows: (Cell[] | string)[]) =>
  [header, ...rows.map((r) => (typeof r === 'string' ? r : r.map(q).join(',')))].join('\n') + '\n';
const v = (k: number) => k * 1_000_000 + 1;
const DATE = '04/27/2015 17:11:57';
// kernel: [author, slug, votes, language id, competitions of its current version, medal]
const KERNELS: [number, number, string, number, number, number[], Cell][] = [
  [101, 1, 'titanic-gentle-intro', 50, 8, [10], 1], [102, 1, 'titanic-script', 30, 1, [10], ''],
  [103, 1, 'titanic-rf', 30, 8, [10], ''], [104, 2, 'titanic-tie', 30, 8, [10], ''],
  [105, 2, 'titanic-low', 5, 8, [10], ''], [106, 2, 'titanic-in-r', 1000, 2, [10], ''],
  [205, 3, 'both-comps', 3, 8, [20, 10], ''], [201, 3, 'house-a', 7, 8, [20], ''],
  [202, 3, 'house-b', 7, 8, [20], ''], [203, 3, 'house-best', 20, 8, [20], 3], [204, 3, 'house-low', 1, 8, [20], ''],
  [301, 4, 'digits-1', 100, 8, [30], ''], [302, 4, 'digits-2', 90, 8, [30], ''], [303, 4, 'digits-3', 80, 8, [30], ''],
  [401, 4, 'no-competition', 999, 8, [], ''],
];
const sources = KERNELS.flatMap(([k, , , , , comps]) => comps.map((c) => [v(k), c]));

function writeDump(dir: string) {
  const w = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  w('Users.csv', csv('Id,UserName,FavouriteColour,DisplayName,RegisterDate,PerformanceTier', [
    [1, 'alice', 'red', 'Alice', '01/02/2013', 2], [2, 'bob', 'blue', 'Bob, "the builder"', '03/04/2014', 1],
    [3, 'carol', '', 'Carol\nSmith', '05/06/2015', 0], [4, 'dave', '', 'Dave', '', 4],
    '5,eve,green', 'x9,mallory,,Mallory,01/01/2020,1', // wrong column count; non-numeric id
  ]));
  fs.appendFileSync(path.join(dir, 'Users.csv'), Buffer.from('6,frank,,Fr\xffnk,,1\n', 'latin1')); // not UTF-8: bad
  w('Competitions.csv', csv('Id,Slug,Title,Subtitle,HostSegmentTitle,ForumId,EnabledDate,DeadlineDate,TotalTeams,TotalCompetitors,TotalSubmissions', [
    [10, 'titanic', 'Titanic', 'Who survived?', 'Getting Started', 1, DATE, DATE, 5000, 5100, 90000],
    [20, 'house-prices', 'House Prices', 'Regression, advanced', 'Getting Started', 2, DATE, DATE, 4000, 4100, 50000],
    [30, 'digit-recognizer', 'Digits', '', 'Getting Started', 3, DATE, DATE, 3000, 3100, 40000],
    [40, 'no-kernels', 'Empty', '', 'Featured', 4, DATE, DATE, 100, 120, 900],
  ]));
  w('Datasets.csv', csv('Id,CreatorUserId,OwnerUserId,OwnerOrganizationId,CurrentDatasetVersionId,ForumId,Type,CreationDate,TotalViews,TotalDownloads,TotalVotes,TotalKernels',
    [[1, 1, 1, '', 12, 5, 2, DATE, 100, 10, 3, 2]]));
  w('DatasetVersions.csv', csv('Id,DatasetId,DatasourceVersionId,CreatorUserId,LicenseName,CreationDate,VersionNumber,Title,Slug', [
    [11, 1, 11, 1, 'CC0', DATE, 1, 'Data', 'data'], [12, 1, 12, 1, 'CC0', DATE, 2, 'Data', 'data'],
    [13, 2, 13, 1, 'CC0', DATE, 1, 'Private', 'private'], // its dataset is not public: dropped
  ]));
  w('KernelLanguages.csv', csv('Id,Name,DisplayName,IsNotebook', [[1, 'Python', 'Python', 'False'], [2, 'R', 'R', 'False'],
    [8, 'IPython Notebook HTML', 'Python', 'True']]));
  w('Kernels.csv', csv('Id,AuthorUserId,CurrentKernelVersionId,ForkParentKernelVersionId,ForumTopicId,FirstKernelVersionId,CreationDate,EvaluationDate,MadePublicDate,IsProjectLanguageTemplate,CurrentUrlSlug,Medal,MedalAwardDate,TotalViews,TotalComments,TotalVotes,SomethingNew', [
    ...KERNELS.map(([k, author, slug, votes, , , medal]) =>
      [k, author, k === 101 ? v(k) + 1 : v(k), '', '', v(k), DATE, '04/28/2015', DATE, 'False', slug, medal, '', 10 * votes, 1, votes, 'x']),
    [999, 77, v(999), '', '', v(999), DATE, '', DATE, 'False', 'by-a-private-user', '', '', 0, 0, 9, 'x'], // dropped
    [998, '', v(998), '', '', v(998), DATE, '', DATE, 'False', 'no-author', '', '', 0, 0, 9, 'x'], // bad: required empty
  ]));
  const version = (id: Cell, script: Cell, lang: number, title: string, date = DATE): Cell[] =>
    [id, script, '', lang, 1, date, 1, title, '04/28/2015', 'True', 20, 1, 0, 19, '', '', '', '', 0, 'new'];
  w('KernelVersions.csv', csv('Id,ScriptId,ParentScriptVersionId,ScriptLanguageId,AuthorUserId,CreationDate,VersionNumber,Title,EvaluationDate,IsChange,TotalLines,LinesInsertedFromPrevious,LinesChangedFromPrevious,LinesUnchangedFromPrevious,LinesInsertedFromFork,LinesDeletedFromFork,LinesChangedFromFork,LinesUnchangedFromFork,TotalVotes,NewColumnFrom2026', [
    version(v(101), 101, 8, 'Titanic draft'),
    ...KERNELS.map(([k, , slug, , lang]) => version(k === 101 ? v(k) + 1 : v(k), k, lang, k === 101 ? 'Titanic, a "gentle" intro' : slug)),
    version(v(999), 999, 8, 'kernel dropped'), version(v(888), 888, 8, 'kernel never public'), // dropped
    '1,101,,8,1', version('abc', 101, 8, 'non-numeric id'), version(777, 101, 8, 'bad date', '13/45/2020 99:00:00'), // bad
  ]));
  w('KernelVersionCompetitionSources.csv', csv('Id,KernelVersionId,SourceCompetitionId,Extra', [
    [1, v(101), 10, ''], ...sources.map(([kv, c], i) => [i + 2, k101(kv), c, '']),
    [100, v(102), 77, ''], [101, 555, 10, ''], 'x,1,2,', // missing competition, missing version; bad
  ]));
  w('KernelVersionDatasetSources.csv', csv('Id,KernelVersionId,SourceDatasetVersionId',
    [[1, v(101) + 1, 11], [2, v(101) + 1, 99], [3, v(201), 12]]));
}
const k101 = (kv: number) => (kv === v(101) ? kv + 1 : kv); // kernel 101's current version is its second
const EXPECTED: Record<string, [rows: number, imported: number, dropped: number, bad: number]> = {
  'Users.csv': [7, 4, 0, 3], 'Competitions.csv': [4, 4, 0, 0], 'Datasets.csv': [1, 1, 0, 0],
  'DatasetVersions.csv': [3, 2, 1, 0], 'KernelLanguages.csv': [3, 3, 0, 0], 'Kernels.csv': [17, 15, 1, 1],
  'KernelVersions.csv': [21, 16, 2, 3], 'KernelVersionCompetitionSources.csv': [19, 16, 2, 1],
  'KernelVersionDatasetSources.csv': [3, 2, 1, 0],
};
const counts = (s: MetaKaggleFileSummary[]) => Object.fromEntries(s.map((f) => [f.file, [f.rows, f.imported, f.dropped, f.bad]]));
const TABLES = ['mk_users', 'mk_competitions', 'mk_datasets', 'mk_dataset_versions', 'mk_kernel_languages', 'mk_kernels',
  'mk_kernel_versions', 'mk_kernel_version_competition_sources', 'mk_kernel_version_dataset_sources'];
const tableCounts = async (s: TestStore) =>
  Promise.all(TABLES.map(async (t) => Number((await s.db.$client.unsafe(`select count(*) as n from ${t}`))[0].n)));

describe('Meta Kaggle import and selection', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-mk-'));
  let store: TestStore;
  let first: MetaKaggleFileSummary[];
  beforeAll(async () => {
    writeDump(dir);
    store = await createTestStore();
    first = await importMetaKaggle(store.db, dir, { batchRows: 4 });
  });
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports every file in order, dropping dangling rows and counting malformed ones', async () => {
    expect(first.map((f) => f.file)).toEqual(Object.keys(EXPECTED));
    expect(counts(first)).toEqual(EXPECTED);
    expect(await tableCounts(store)).toEqual(Object.values(EXPECTED).map((e) => e[1]));
    for (const f of first) expect(f.bytes).toBe(fs.statSync(path.join(dir, f.file)).size);
  });

  it('maps columns by name, parses dates as UTC and keeps quoted commas, quotes and newlines', async () => {
    const sql = store.db.$client;
    const [bob] = await sql`select display_name from mk_users where id = 2`;
    const epoch = (column: string) => sql.unsafe(`extract(epoch from ${column})::int as ${column.split('.')[1]}`);
    const [carol] = await sql`select display_name, ${epoch('u.register_date')} from mk_users u where id = 3`;
    expect([bob.display_name, carol.display_name]).toEqual(['Bob, "the builder"', 'Carol\nSmith']);
    expect(carol.register_date).toBe(Date.UTC(2015, 4, 6) / 1000);
    const [k] = await sql`select ${epoch('k.creation_date')}, medal, total_views, current_url_slug from mk_kernels k where id = 101`;
    expect(k).toEqual({ creation_date: Date.UTC(2015, 3, 27, 17, 11, 57) / 1000, medal: 1, total_views: '500', current_url_slug: 'titanic-gentle-intro' });
    const [kv] = await sql`select title, ${epoch('v.evaluation_date')} from mk_kernel_versions v where id = ${v(101) + 1}`;
    expect(kv).toEqual({ title: 'Titanic, a "gentle" intro', evaluation_date: Date.UTC(2015, 3, 28) / 1000 });
  });

  it('does nothing when run again; with restart, finds every row already there', async () => {
    const again = await importMetaKaggle(store.db, dir);
    expect(counts(again)).toEqual(EXPECTED);
    expect(again.every((f) => f.note === 'already imported')).toBe(true);
    const restarted = await importMetaKaggle(store.db, dir, { restart: true, batchRows: 3 });
    for (const f of restarted) expect([f.file, f.imported, f.dropped + f.bad]).toEqual([f.file, 0, EXPECTED[f.file][0]]);
    expect(await tableCounts(store)).toEqual(Object.values(EXPECTED).map((e) => e[1]));
  });

  it('resumes an interrupted import where it stopped, with the same totals and no row twice', async () => {
    const other = await createTestStore();
    try {
      let calls = 0;
      const stop = () => {
        if (++calls === 1) throw new Error('interrupted');
      };
      const interrupted = (p: { file: string }) => p.file === 'KernelVersions.csv' && stop();
      await expect(importMetaKaggle(other.db, dir, { batchRows: 2, onProgress: interrupted })).rejects.toThrow('interrupted');
      const [p] = await other.db.$client`select * from mk_import_progress where file = 'KernelVersions.csv'`;
      expect([p.done, Number(p.rows_imported) + Number(p.rows_dropped) + Number(p.rows_bad)]).toEqual([false, 2]);
      expect(Number(p.byte_offset)).toBeGreaterThan(0);
      expect(Number((await other.db.$client`select count(*) as n from mk_kernel_versions`)[0].n)).toBe(2);
      const resumed = await importMetaKaggle(other.db, dir, { batchRows: 2 });
      expect(counts(resumed)).toEqual(counts(first));
      expect(await tableCounts(other)).toEqual(await tableCounts(store));
    } finally {
      await other.close();
    }
  });

  it('names the file and column when a required column is missing, and skips absent optional files', async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-mk-small-'));
    const other = await createTestStore();
    try {
      for (const f of ['KernelLanguages.csv', 'Kernels.csv', 'KernelVersions.csv']) fs.copyFileSync(path.join(dir, f), path.join(small, f));
      await expect(importMetaKaggle(other.db, small)).rejects.toThrow(/missing Users\.csv/);
      fs.writeFileSync(path.join(small, 'users.CSV'), 'UserId,UserName\n1,alice\n');
      await expect(importMetaKaggle(other.db, small)).rejects.toThrow('Users.csv: required column "Id" is missing from its header');
      fs.writeFileSync(path.join(small, 'users.CSV'), 'ID,USERNAME\n1,alice\n2,bob\n3,carol\n4,dave\n');
      const s = await importMetaKaggle(other.db, small);
      expect(s.filter((f) => f.note === 'not in the dump: skipped').map((f) => f.file)).toEqual([
        'Competitions.csv', 'Datasets.csv', 'DatasetVersions.csv', 'KernelVersionCompetitionSources.csv', 'KernelVersionDatasetSources.csv']);
      expect(counts(s)['KernelVersions.csv']).toEqual(EXPECTED['KernelVersions.csv']);
    } finally {
      await other.close();
      fs.rmSync(small, { recursive: true, force: true });
    }
  });

  const TOP_HALF: MetaKaggleSelection = {
    scope: { kind: 'top-competitions', n: 2, by: 'notebooks' },
    sampling: { kind: 'top-percent', percent: 50, within: 'competition' },
    filters: { language: 'python' },
  };

  it('selects the top 50 % by votes of the top 2 competitions by notebooks, the same twice', async () => {
    // Notebooks: titanic 7 (101–106, 205), house-prices 5 (201–205), digit-recognizer 3: the top 2 are
    // titanic and house-prices; 205 cites both and counts for titanic, the better ranked. Python kernels:
    // titanic 101 (50), 102/103/104 (30, tie → by id), 105 (5), 205 (3): ceil(6/2) = 3 → 101, 102, 103;
    // house-prices 203 (20), 201/202 (7, tie), 204 (1): ceil(4/2) = 2 → 203, 201. 106 is R; 301–303 are out.
    const picked = await selectFromMetaKaggle(store.db, TOP_HALF, 7);
    expect(picked.map((k) => [k.competition, k.kernelId, k.rank])).toEqual([
      ['titanic', 101, 1], ['titanic', 102, 2], ['titanic', 103, 3], ['house-prices', 203, 1], ['house-prices', 201, 2]]);
    expect(picked[0]).toEqual({ ref: 'alice/titanic-gentle-intro', kernelId: 101, kernelVersionId: v(101) + 1,
      title: 'Titanic, a "gentle" intro', author: 'alice', competition: 'titanic', votes: 50, medal: 'gold', rank: 1, language: 'python' });
    expect(picked[3]).toMatchObject({ ref: 'carol/house-best', medal: 'bronze', kernelVersionId: v(203) });
    expect(await selectFromMetaKaggle(store.db, TOP_HALF, 7)).toEqual(picked);
    // All languages: titanic has 7 kernels → 4, the R kernel first.
    const all = await selectFromMetaKaggle(store.db, { ...TOP_HALF, filters: { language: 'all' } }, 7);
    expect(all.filter((k) => k.competition === 'titanic').map((k) => k.kernelId)).toEqual([106, 101, 102, 103]);
    // What a run reports as found: the kernels sampled from, 6 + 4 in Python, 7 + 4 in all languages.
    expect(await countMetaKaggle(store.db, TOP_HALF.scope, TOP_HALF.filters)).toBe(10);
    expect(await countMetaKaggle(store.db, TOP_HALF.scope, { language: 'all' })).toBe(11);
    const everything = await selectFromMetaKaggle(store.db, { ...TOP_HALF, sampling: { kind: 'all' }, filters: { language: 'all' } }, 7);
    expect(everything).toHaveLength(11);
    expect(await countMetaKaggle(store.db, { kind: 'competitions', slugs: [] })).toBe(0);
  });

  it('applies the other scopes, samplings and filters', async () => {
    const ids = async (s: Partial<MetaKaggleSelection>) =>
      (await selectFromMetaKaggle(store.db, { ...TOP_HALF, ...s } as MetaKaggleSelection, 1)).map((k) => k.kernelId);
    expect(await ids({ scope: { kind: 'top-competitions', n: 1, by: 'teams', category: 'HOST_SEGMENT_GETTING_STARTED' } })).toEqual([101, 102, 103]);
    expect(await ids({ scope: { kind: 'top-competitions', n: 1, by: 'teams', category: 'Featured' } })).toEqual([]);
    expect(await ids({ scope: { kind: 'competitions', slugs: ['digit-recognizer'] }, sampling: { kind: 'top-k', k: 2 } })).toEqual([301, 302]);
    expect(await ids({ scope: { kind: 'all' }, sampling: { kind: 'top-k', k: 3 } })).toEqual([401, 301, 302]);
    expect(await ids({ scope: { kind: 'all' }, sampling: { kind: 'all' }, filters: { user: 'BOB', language: 'all' } })).toEqual([106, 104, 105]);
    expect(await ids({ scope: { kind: 'all' }, sampling: { kind: 'all' }, filters: { language: 'r' } })).toEqual([106]);
    expect(await ids({ scope: { kind: 'all' }, sampling: { kind: 'all' }, filters: { search: 'GENTLE' } })).toEqual([101]);
  });

  it('draws seeded random and stratified samples reproducibly', async () => {
    const draw = (sampling: MetaKaggleSelection['sampling'], seed: number) =>
      selectFromMetaKaggle(store.db, { scope: { kind: 'all' }, sampling }, seed);
    const a = await draw({ kind: 'random', n: 4, seed: 1 }, 99);
    expect(a).toHaveLength(4);
    expect(await draw({ kind: 'random', n: 4, seed: 1 }, 5)).toEqual(a); // the sampling's own seed wins
    expect((await draw({ kind: 'random', n: 4, seed: 2 }, 99)).map((k) => k.kernelId)).not.toEqual(a.map((k) => k.kernelId));
    const s = await draw({ kind: 'stratified', per: 'competition', n: 2 }, 7);
    expect(await draw({ kind: 'stratified', per: 'competition', n: 2 }, 7)).toEqual(s);
    expect(s.map((k) => [k.competition, k.rank])).toEqual([['titanic', 1], ['titanic', 2], ['house-prices', 1],
      ['house-prices', 2], ['digit-recognizer', 1], ['digit-recognizer', 2], [null, 1]]);
  });

  it('finds the selected kernels\' notebooks in a Meta Kaggle Code folder', async () => {
    const code = path.join(dir, 'code');
    const files = { [v(101) + 1]: 'agconti-titanic__Titanic.ipynb', [v(203)]: 'andersy005__stations-eda.ipynb' };
    for (const [id, name] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(metaKaggleCodePath(code, id)), { recursive: true });
      fs.copyFileSync(corpusFile(name), metaKaggleCodePath(code, id));
    }
    expect(metaKaggleCodePath(code, v(101) + 1)).toBe(path.join(code, '0101', '000', '101000002.ipynb'));
    const picked = await selectFromMetaKaggle(store.db, TOP_HALF, 7);
    const found = picked.filter((k) => fs.existsSync(metaKaggleCodePath(code, k.kernelVersionId)));
    expect(found.map((k) => k.kernelId)).toEqual([101, 203]);
    for (const k of found) {
      const bytes = fs.readFileSync(metaKaggleCodePath(code, k.kernelVersionId));
      expect(bytes.equals(fs.readFileSync(corpusFile(files[k.kernelVersionId])))).toBe(true);
      expect(JSON.parse(bytes.toString()).nbformat).toBeGreaterThanOrEqual(3);
    }
  });
});
