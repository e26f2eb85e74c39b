import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  competitionSlug,
  createKaggleClient,
  downloadCompetitionFiles,
  downloadDataset,
  downloadNotebookWithOutputs,
  getKernel,
  KaggleError,
  listAllCompetitions,
  listAllKernels,
  listCompetitions,
  listDatasets,
  listKernels,
  listKernelSessionOutput,
  readCredentials,
  type KaggleClientOptions,
} from '../../lib/kaggle/client';
import { corpusFile, readManifest } from '../helpers/corpus';
import { fileZip, startKaggleServer, type KaggleServer, RULES_REQUIRED_COMPETITION } from '../helpers/kaggle-server';

const TOKEN = 'test-token-0123456789';
const fast = (server: KaggleServer, extra: KaggleClientOptions = {}) =>
  createKaggleClient({ baseUrl: server.url, credentials: { kind: 'bearer', token: TOKEN }, baseDelayMs: 5, ...extra });

async function rejection(p: Promise<unknown>): Promise<KaggleError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KaggleError);
  return err as KaggleError;
}

const tmpDirs: string[] = [];
function tmpDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
}
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('listing the corpus kernels', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer({ extraKernels: 150 })));
  afterAll(() => server.close());

  it('pages ListKernels 100 at a time with the page token', async () => {
    const client = fast(server);
    const first = await listKernels(client, { pageSize: 100 });
    expect(first.kernels).toHaveLength(100);
    expect(first.nextPageToken).toBeTruthy();
    const second = await listKernels(client, { pageSize: 100, pageToken: first.nextPageToken });
    expect(second.kernels).toHaveLength(100);
    const third = await listKernels(client, { pageSize: 100, pageToken: second.nextPageToken });
    expect(third.kernels).toHaveLength(50);
    expect(third.nextPageToken).toBeUndefined();
    const refs = new Set([...first.kernels, ...second.kernels, ...third.kernels].map((k) => k.ref));
    expect(refs.size).toBe(250);

    const seen = server.requests.filter((r) => r.rpc === 'ListKernels').slice(-3);
    expect(seen.map((r) => (r.body as { pageSize: number }).pageSize)).toEqual([100, 100, 100]);
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].path).toBe('/v1/kernels.KernelsApiService/ListKernels');
  });

  it('rejects a page size over 100 before sending anything', async () => {
    const before = server.requests.length;
    await expect(listKernels(fast(server), { pageSize: 101 })).rejects.toThrow(RangeError);
    expect(server.requests.length).toBe(before);
  });

  it('lists every corpus notebook, with refs from the file names and languages from the manifest', async () => {
    const client = fast(server);
    const result = await listAllKernels(client, { kernelType: 'notebook' });
    expect(result.mayBeIncomplete).toBe(false);
    const corpus = result.kernels.filter((k) => k.id! < 100_000);
    expect(corpus).toHaveLength(100);
    expect(result.kernels).toHaveLength(100 + 90); // 3 in 5 synthetic kernels are notebooks
    expect(corpus.map((k) => k.ref)).toContain('agconti-titanic/titanic');
    expect(corpus.map((k) => k.ref)).toContain('mateuszk098/playground-series-s3e12-notes');
    expect(client.stats().requests).toBe(2);
    const rNotebooks = readManifest().filter((r) => r.language === 'r').map((r) => r.file.split('__')[0].toLowerCase());
    const r = await listAllKernels(client, { language: 'r', kernelType: 'notebook' });
    expect(r.kernels.filter((k) => k.id! < 100_000).map((k) => k.author).sort()).toEqual(rNotebooks.sort());
  });

  it('filters by competition and sorts by votes', async () => {
    const client = fast(server);
    const { kernels } = await listAllKernels(client, { competition: 'titanic', sortBy: 'VOTE_COUNT' });
    const expected = server.kernels.filter((k) => (k.meta.competitionDataSources as string[]).includes('titanic'));
    expect(kernels.map((k) => k.ref).sort()).toEqual(expected.map((k) => k.meta.ref).sort());
    const votes = kernels.map((k) => k.totalVotes!);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(kernels[0].competitionDataSources).toEqual(['titanic']);
    expect(kernels[0].lastRunTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('lists and pages competitions and datasets', async () => {
    const client = fast(server);
    const gettingStarted = await listCompetitions(client, { category: 'HOST_SEGMENT_GETTING_STARTED' });
    expect(gettingStarted.competitions.map(competitionSlug).sort()).toEqual(
      ['digit-recognizer', 'house-prices-advanced-regression-techniques', 'spaceship-titanic', 'titanic'],
    );
    const all = await listAllCompetitions(client, { pageSize: 2, sortBy: 'COMPETITION_SORT_BY_NUMBER_OF_TEAMS' });
    expect(all).toHaveLength(7);
    expect(competitionSlug(all[0])).toBe('titanic');
    const byVotes = await listDatasets(client, { sortBy: 'DATASET_SORT_BY_VOTES' });
    expect(byVotes.datasets.map((d) => d.ref)).toEqual(['uciml/iris', 'shivamb/netflix-shows', 'heptapod/titanic', 'zynicide/wine-reviews']);
    expect((await listDatasets(client, { search: 'wine' })).datasets.map((d) => d.ref)).toEqual(['zynicide/wine-reviews']);
  });
});

describe('paging past the ~1000-result cap', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer({ extraKernels: 2500 })));
  afterAll(() => server.close());

  it('the server stops a single query at 1000 results, as Kaggle does', async () => {
    const client = fast(server);
    let total = 0;
    let pageToken: string | undefined;
    do {
      const page = await listKernels(client, { competition: 'synthetic-big-competition', pageSize: 100, pageToken });
      total += page.kernels.length;
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(total).toBe(1000);
  });

  it('finds all 2500 kernels of a competition by splitting the query, without duplicates', async () => {
    const client = fast(server);
    let pages = 0;
    const result = await listAllKernels(client, { competition: 'synthetic-big-competition' }, { onPage: () => void pages++ });
    const refs = result.kernels.map((k) => k.ref);
    expect(refs).toHaveLength(2500);
    expect(new Set(refs).size).toBe(2500);
    // Python notebooks (1250) stay over the cap after the language/type split: found via sort orders, flagged.
    expect(result.cappedQueries).toEqual([{ competition: 'synthetic-big-competition', language: 'python', kernelType: 'notebook' }]);
    expect(result.mayBeIncomplete).toBe(true);
    expect(pages).toBe(client.stats().requests);
    // 14 queries: the base, 4 languages, python's 2 kernel types, 7 more sort orders of the python notebooks
    // (1250, over the cap); 10 pages per capped query, no wasted page after the last token.
    expect(result.queries).toBe(14);
    expect(client.stats().requests).toBe(10 + 10 + 5 + 1 + 3 + 10 + 5 + 7 * 10);
    const asked = server.requests.filter((r) => r.rpc === 'ListKernels').map((r) => r.body as { sortBy?: string; pageSize: number });
    expect(asked.every((b) => b.pageSize === 100)).toBe(true);
    expect(new Set(asked.map((b) => b.sortBy))).toContain('SCORE_ASCENDING');
  });

  it('all 2600 kernels without a filter, and no duplicates', async () => {
    const result = await listAllKernels(fast(server), {});
    expect(new Set(result.kernels.map((k) => k.ref)).size).toBe(2600);
    expect(result.kernels).toHaveLength(2600);
  });

  it('stops at max', async () => {
    const client = fast(server);
    const result = await listAllKernels(client, { competition: 'synthetic-big-competition' }, { max: 250 });
    expect(result.kernels).toHaveLength(250);
    expect(result.mayBeIncomplete).toBe(true);
    expect(client.stats().requests).toBe(3);
  });
});

describe('a listing that splitting makes complete', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer({ extraKernels: 1500 })));
  afterAll(() => server.close());

  it('language/type parts under the cap prove completeness', async () => {
    const result = await listAllKernels(fast(server), { competition: 'synthetic-big-competition' });
    expect(new Set(result.kernels.map((k) => k.ref)).size).toBe(1500);
    expect(result.mayBeIncomplete).toBe(false);
    expect(result.cappedQueries).toEqual([]);
  });
});

describe('retries', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer()));
  afterAll(() => server.close());

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    server.script('ListKernels', { status: 429, retryAfter: '1' });
    const client = fast(server);
    const started = Date.now();
    const page = await listKernels(client, { pageSize: 5 });
    const waited = Date.now() - started;
    expect(page.kernels).toHaveLength(5);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(5000);
    expect(client.stats()).toEqual({ requests: 2, retries: 1 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    server.script('ListKernels', { status: 503, retryAfter: new Date(Date.now() + 2000).toUTCString() });
    const client = fast(server);
    const started = Date.now();
    await listKernels(client, { pageSize: 1 });
    // HTTP dates have whole seconds: the wait is 1–2 s, far above the 5 ms backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(client.stats().retries).toBe(1);
  });

  it('retries a 500 and succeeds', async () => {
    server.script('GetKernel', { status: 500 });
    const client = fast(server);
    const { metadata } = await getKernel(client, 'agconti-titanic/titanic');
    expect(metadata.ref).toBe('agconti-titanic/titanic');
    expect(client.stats()).toEqual({ requests: 2, retries: 1 });
  });

  it('retries the Kaggle JSON 429 body, with HTTP 429 and inside a 200', async () => {
    server.script('ListKernels', { kaggleError: 429 });
    server.script('ListKernels', { kaggleError: 429, httpStatus: 200 });
    const client = fast(server);
    expect((await listKernels(client, { pageSize: 2 })).kernels).toHaveLength(2);
    expect(client.stats()).toEqual({ requests: 3, retries: 2 });
  });

  it('treats a 200 with {"code": 404} as not found, without retrying', async () => {
    server.script('GetKernel', { errorBody: 404, message: 'Notebook not found' });
    const client = fast(server);
    const err = await rejection(getKernel(client, 'agconti-titanic/titanic'));
    expect(err.code).toBe('not_found');
    expect(err.status).toBe(404);
    expect(err.message).toContain('Notebook not found');
    expect(client.stats()).toEqual({ requests: 1, retries: 0 });
  });

  it('a real 404 is not_found', async () => {
    const err = await rejection(getKernel(fast(server), 'nobody/no-such-kernel'));
    expect(err.code).toBe('not_found');
  });

  it('times out a slow answer and succeeds on the retry', async () => {
    server.script('ListKernels', { delayMs: 1500 });
    const client = fast(server, { timeoutMs: 300 });
    const started = Date.now();
    expect((await listKernels(client, { pageSize: 3 })).kernels).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(client.stats()).toEqual({ requests: 2, retries: 1 });
  });

  it('gives up with a timeout error after the retries', async () => {
    server.script('ListKernels', { delayMs: 1000 }, 3);
    const client = fast(server, { timeoutMs: 100, retries: 2 });
    const err = await rejection(listKernels(client, { pageSize: 3 }));
    expect(err.code).toBe('timeout');
    expect(client.stats()).toEqual({ requests: 3, retries: 2 });
  });

  it('gives up on persistent 500s with the status', async () => {
    server.script('ListKernels', { status: 500 }, 4);
    const client = fast(server, { retries: 3 });
    const err = await rejection(listKernels(client, {}));
    expect(err.code).toBe('http');
    expect(err.status).toBe(500);
    expect(client.stats().requests).toBe(4);
  });

  it('does not retry a 400', async () => {
    server.script('ListKernels', { status: 400 });
    const client = fast(server);
    expect((await rejection(listKernels(client, {}))).status).toBe(400);
    expect(client.stats().requests).toBe(1);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const local = await startKaggleServer();
    try {
      local.script('ListKernels', { delayMs: 100 }, 8);
      const client = fast(local, { concurrency: 2 });
      await Promise.all(Array.from({ length: 8 }, () => listKernels(client, { pageSize: 1 })));
      expect(local.maxInFlight).toBe(2);
      expect(local.count('ListKernels')).toBe(8);
    } finally {
      await local.close();
    }
  });

  it('stops at the request budget, counting retries', async () => {
    server.script('ListKernels', { status: 500 });
    const client = fast(server, { maxRequests: 3 });
    const before = server.count('ListKernels');
    await listKernels(client, { pageSize: 1 }); // 2 requests: a 500 and the retry
    await listKernels(client, { pageSize: 1 });
    const err = await rejection(listKernels(client, { pageSize: 1 }));
    expect(err.code).toBe('budget');
    expect(err.message).toContain('maxRequests');
    expect(server.count('ListKernels') - before).toBe(3);
    expect(client.stats().requests).toBe(3);
  });
});

describe('kernel sources', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer({ extraKernels: 3 })));
  afterAll(() => server.close());
  const FILE = 'agconti-titanic__Titanic.ipynb';
  const REF = 'agconti-titanic/titanic';

  it('GetKernel answers the source without outputs; the session output has the notebook with them', async () => {
    const client = fast(server);
    const { metadata, source } = await getKernel(client, REF);
    expect(metadata.language).toBe('python');
    const original = JSON.parse(fs.readFileSync(corpusFile(FILE), 'utf8'));
    const stripped = JSON.parse(source);
    const codeCells = (nb: { cells?: { cell_type: string; outputs?: unknown[] }[]; worksheets?: { cells: { cell_type: string; outputs?: unknown[] }[] }[] }) =>
      [...(nb.cells ?? []), ...(nb.worksheets ?? []).flatMap((w) => w.cells)].filter((c) => c.cell_type === 'code');
    expect(codeCells(stripped).length).toBe(codeCells(original).length);
    expect(codeCells(stripped).every((c) => (c.outputs ?? []).length === 0)).toBe(true);
    expect(codeCells(original).some((c) => (c.outputs ?? []).length > 0)).toBe(true);

    const withOutputs = await downloadNotebookWithOutputs(client, REF);
    expect(withOutputs).not.toBeNull();
    expect(Buffer.from(withOutputs!).equals(fs.readFileSync(corpusFile(FILE)))).toBe(true);
    const get = server.requests.at(-1)!;
    expect(get.method).toBe('GET');
    expect(get.path).toBe(`/files/output/${REF}/__notebook__.ipynb`);
  });

  it('lists session output files over every page', async () => {
    const client = fast(server);
    const files = await listKernelSessionOutput(client, REF, { pageSize: 1 });
    expect(files.map((f) => f.fileName)).toEqual(['__notebook__.ipynb', '__results__.html', 'submission.csv']);
    expect(client.stats().requests).toBe(3);
  });

  it('answers null when the last run left no notebook', async () => {
    expect(await downloadNotebookWithOutputs(fast(server), 'synth-user-1/synthetic-kernel-1')).toBeNull();
  });

  it('returns a source that is not JSON as it is, so callers can record it', async () => {
    server.script('GetKernel', { sourceNotJson: true });
    const { source } = await getKernel(fast(server), REF);
    expect(typeof source).toBe('string');
    expect(() => JSON.parse(source)).toThrow(SyntaxError);
  });
});

describe('authentication', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer({ requireAuth: true })));
  afterAll(() => server.close());

  it('sends Bearer tokens', async () => {
    await listKernels(fast(server), { pageSize: 1 });
    expect(server.requests.at(-1)!.auth).toEqual({ kind: 'bearer', token: TOKEN });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends Basic username:key', async () => {
    await listKernels(fast(server, { credentials: { kind: 'basic', username: 'alice', key: 'k3y' } }), { pageSize: 1 });
    expect(server.requests.at(-1)!.auth).toEqual({ kind: 'basic', username: 'alice', key: 'k3y' });
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('alice:k3y').toString('base64')}`);
  });

  it('explains a 401 without credentials and does not retry it', async () => {
    const client = fast(server, { credentials: null });
    const err = await rejection(listKernels(client, {}));
    expect(err.code).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toContain('check your Kaggle credentials (KAGGLE_API_TOKEN or ~/.kaggle/kaggle.json)');
    expect(server.requests.at(-1)!.auth).toBeNull();
    expect(client.stats().requests).toBe(1);
  });

  it('uses KAGGLE_API_TOKEN, as the token and as a path to it', async () => {
    const home = tmpDir('vizmine-kaggle-home-');
    const file = path.join(home, 'token.txt');
    fs.writeFileSync(file, 'token-from-file\n');
    for (const [value, expected] of [['env-token-value', 'env-token-value'], [file, 'token-from-file']]) {
      const credentials = readCredentials({ KAGGLE_API_TOKEN: value }, home);
      await listKernels(fast(server, { credentials }), { pageSize: 1 });
      expect(server.requests.at(-1)!.auth).toEqual({ kind: 'bearer', token: expected });
    }
  });

  it('uses ~/.kaggle/access_token in a temporary HOME', async () => {
    const home = tmpDir('vizmine-kaggle-home-');
    fs.mkdirSync(path.join(home, '.kaggle'));
    fs.writeFileSync(path.join(home, '.kaggle', 'access_token'), 'token-in-home\n');
    const credentials = readCredentials({ HOME: home }, home);
    await listKernels(fast(server, { credentials }), { pageSize: 1 });
    expect(server.requests.at(-1)!.auth).toEqual({ kind: 'bearer', token: 'token-in-home' });
  });

  it('uses kaggle.json in KAGGLE_CONFIG_DIR', async () => {
    const dir = tmpDir('vizmine-kaggle-config-');
    fs.writeFileSync(path.join(dir, 'kaggle.json'), JSON.stringify({ username: 'bob', key: 'bobs-key' }));
    const credentials = readCredentials({ KAGGLE_CONFIG_DIR: dir }, tmpDir('vizmine-kaggle-home-'));
    await listKernels(fast(server, { credentials }), { pageSize: 1 });
    expect(server.requests.at(-1)!.auth).toEqual({ kind: 'basic', username: 'bob', key: 'bobs-key' });
  });

  it('uses KAGGLE_USERNAME and KAGGLE_KEY', async () => {
    const credentials = readCredentials({ KAGGLE_USERNAME: 'carol', KAGGLE_KEY: 'carols-key' }, tmpDir('vizmine-kaggle-home-'));
    await listKernels(fast(server, { credentials }), { pageSize: 1 });
    expect(server.requests.at(-1)!.auth).toEqual({ kind: 'basic', username: 'carol', key: 'carols-key' });
  });
});

describe('downloads', () => {
  let server: KaggleServer;
  beforeAll(async () => (server = await startKaggleServer({ requireAuth: true })));
  afterAll(() => server.close());

  it('downloads competition files once, following the redirect', async () => {
    const cache = tmpDir('vizmine-kaggle-cache-');
    const client = fast(server);
    const first = await downloadCompetitionFiles(client, 'titanic', cache);
    expect(first).toEqual({ path: path.join(cache, 'competitions', 'titanic.zip'), fromCache: false });
    expect(client.stats().requests).toBe(2); // the RPC (302) and the file GET
    const bytes = fs.readFileSync(first.path);
    expect(Buffer.from(fileZip('competitions/titanic')).equals(bytes)).toBe(true);
    expect(strFromU8(unzipSync(bytes)['train.csv'])).toContain('id,target');
    expect(server.requests.slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/competitions.CompetitionApiService/DownloadDataFiles',
      'GET /files/competitions/titanic.zip',
    ]);

    const before = server.requests.length;
    expect(await downloadCompetitionFiles(client, 'titanic', cache)).toEqual({ path: first.path, fromCache: true });
    expect(server.requests.length).toBe(before);
    expect(client.stats().requests).toBe(2);
  });

  it('downloads a dataset once', async () => {
    const cache = tmpDir('vizmine-kaggle-cache-');
    const client = fast(server);
    const first = await downloadDataset(client, 'uciml/iris', cache);
    expect(first.fromCache).toBe(false);
    expect(server.requests.at(-2)!.body).toEqual({ ownerSlug: 'uciml', datasetSlug: 'iris' });
    expect(Buffer.from(fileZip('datasets/uciml/iris')).equals(fs.readFileSync(first.path))).toBe(true);
    const before = server.requests.length;
    expect((await downloadDataset(client, 'uciml/iris', cache)).fromCache).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it('retries a failing file GET and leaves no partial file behind', async () => {
    const cache = tmpDir('vizmine-kaggle-cache-');
    server.script('file', { status: 503 });
    const client = fast(server);
    const got = await downloadDataset(client, 'heptapod/titanic', cache);
    expect(client.stats()).toEqual({ requests: 3, retries: 1 });
    expect(fs.readdirSync(path.dirname(got.path))).toEqual(['titanic.zip']);
  });

  it('says to accept the rules when a competition answers 403', async () => {
    const cache = tmpDir('vizmine-kaggle-cache-');
    const err = await rejection(downloadCompetitionFiles(fast(server), RULES_REQUIRED_COMPETITION, cache));
    expect(err.code).toBe('auth');
    expect(err.message).toContain(`/competitions/${RULES_REQUIRED_COMPETITION}/rules`);
    expect(fs.existsSync(path.join(cache, 'competitions', `${RULES_REQUIRED_COMPETITION}.zip`))).toBe(false);
  });

  it('a missing dataset is not_found', async () => {
    const err = await rejection(downloadDataset(fast(server), 'nobody/nothing', tmpDir('vizmine-kaggle-cache-')));
    expect(err.code).toBe('not_found');
  });
});
