import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CORPUS_DIR, readManifest } from './corpus';

/**
 * A local stand-in for api.kaggle.com speaking the shapes of /work/shared/docs/kaggle-api.md, so the real
 * client is tested offline. It serves the shared corpus (read in place, never copied) as kernels with
 * deterministic metadata, plus optional synthetic kernels to exercise Kaggle's ~1000-results-per-query cap.
 */

export type RecordedAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; key: string };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown; // parsed JSON for RPCs, undefined for GETs
  auth: RecordedAuth | null;
  rpc?: string; // the RPC method name, e.g. 'ListKernels'; undefined for file GETs
}

/** What the next calls of a method answer instead of (or before) the normal answer. */
export type Fault =
  | { status: number; retryAfter?: string; body?: unknown } // this HTTP status (Retry-After if given)
  | { delayMs: number } // the normal answer, this late
  | { kaggleError: number; httpStatus?: number; retryAfter?: string } // {"error":{"code",…}} body
  | { errorBody: number; message?: string } // HTTP 200 with {"code", "message"}
  | { sourceNotJson: true }; // GetKernel only: blob.source is not JSON

export interface KaggleServerOptions {
  requireAuth?: boolean; // 401 on any RPC without a Bearer or Basic Authorization
  extraKernels?: number; // synthetic kernels, all in `extraCompetition`
  extraCompetition?: string; // default 'synthetic-big-competition'
  cap?: number; // results one ListKernels query can reach across its pages, default 1000
  corpusDir?: string;
}

export interface ServedKernel {
  meta: Record<string, unknown> & { ref: string; id: number; language: string; kernelType: string; totalVotes: number };
  file?: string; // corpus file name; synthetic kernels have none
  score: number;
  views: number;
  comments: number;
  created: number;
  runAt: number;
  hotness: number;
  outputType: 'visualization' | 'data';
}

export interface KaggleServer {
  url: string;
  requests: RecordedRequest[];
  kernels: ServedKernel[];
  readonly maxInFlight: number;
  /** The next `times` calls of `method` (an RPC name like 'ListKernels', or 'file' for file GETs) get `fault`. */
  script(method: string, fault: Fault, times?: number): void;
  /** How many requests reached `method` so far (same names as script). */
  count(method: string): number;
  close(): Promise<void>;
}

export const KERNEL_COMPETITIONS = ['titanic', 'house-prices-advanced-regression-techniques', 'digit-recognizer', 'spaceship-titanic', 'playground-series-s5e9'];
export const KERNEL_DATASETS = ['heptapod/titanic', 'uciml/iris', 'zynicide/wine-reviews', 'shivamb/netflix-shows'];
export const RULES_REQUIRED_COMPETITION = 'rules-required-challenge';
const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** `owner__slug.ipynb` → `owner/slug`, lower-case, `_` and `.` → `-`. */
export function refForFile(file: string): string {
  const [owner, slug] = file.replace(/\.ipynb$/, '').split('__');
  const norm = (s: string) => s.toLowerCase().replace(/[_.]/g, '-');
  return `${norm(owner)}/${norm(slug)}`;
}

function hash(s: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function makeKernel(ref: string, id: number, language: string, kernelType: string, competition: string | undefined, images: boolean, file?: string): ServedKernel {
  const [owner, slug] = ref.split('/');
  const h = hash(ref);
  const runAt = NOW - (1 + (h % 2000)) * DAY + (h % 86_400) * 1000 + (h % 1000);
  const created = runAt - (hash(ref, 1) % 400) * DAY;
  const votes = hash(ref, 2) % 500;
  const gpu = h % 3 === 0;
  const meta: ServedKernel['meta'] = {
    id,
    ref,
    title: slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '),
    author: owner,
    slug,
    lastRunTime: new Date(runAt).toISOString(),
    language,
    kernelType,
    isPrivate: false,
    enableGpu: gpu,
    enableInternet: h % 2 === 0,
    enableTpu: false,
    categoryIds: [],
    datasetDataSources: h % 4 === 0 ? [KERNEL_DATASETS[(h >>> 4) % KERNEL_DATASETS.length]] : [],
    kernelDataSources: [],
    competitionDataSources: competition ? [competition] : [],
    modelDataSources: [],
    totalVotes: votes,
    currentVersionNumber: 1 + ((h >>> 3) % 30),
    dockerImage: language === 'r' ? 'gcr.io/kaggle-images/rstats:v2.0' : `gcr.io/kaggle-images/python:v${100 + (h % 60)}`,
    ...(gpu ? { machineShape: 'NvidiaTeslaP100' } : {}), // Kaggle omits null fields
  };
  const views = votes * 20 + (hash(ref, 3) % 5000);
  const hotness = votes / ((NOW - runAt) / DAY + 2) ** 1.5;
  return { meta, file, score: hash(ref, 4) / 2 ** 32, views, comments: hash(ref, 5) % 80, created, runAt, hotness, outputType: images ? 'visualization' : 'data' };
}

function buildKernels(opts: KaggleServerOptions): ServedKernel[] {
  const dir = opts.corpusDir ?? CORPUS_DIR;
  const manifest = new Map(readManifest().map((r) => [r.file, r]));
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();
  const kernels = files.map((file, i) => {
    const ref = refForFile(file);
    const row = manifest.get(file);
    const c = hash(ref, 6) % (KERNEL_COMPETITIONS.length + 1); // one slot in six: no competition
    return makeKernel(ref, 10_000 + i, row?.language === 'r' ? 'r' : 'python', 'notebook', KERNEL_COMPETITIONS[c], (row?.n_image_outputs ?? 0) > 0, file);
  });
  const big = opts.extraCompetition ?? 'synthetic-big-competition';
  for (let i = 0; i < (opts.extraKernels ?? 0); i++) {
    // 70% python, 20% r, 10% julia; 60% notebooks, and python notebooks (i % 10 in 0,1,2,5,6: 50%) are the one
    // part of a 2500 listing still over the cap after splitting by language and type.
    const language = i % 10 < 7 ? 'python' : i % 10 < 9 ? 'r' : 'julia';
    kernels.push(makeKernel(`synth-user-${i % 97}/synthetic-kernel-${i}`, 100_000 + i, language, i % 5 < 3 ? 'notebook' : 'script', big, i % 2 === 0));
  }
  return kernels;
}

const KERNEL_SORTS: Record<string, (k: ServedKernel) => number> = {
  HOTNESS: (k) => k.hotness,
  COMMENT_COUNT: (k) => k.comments,
  DATE_CREATED: (k) => k.created,
  DATE_RUN: (k) => k.runAt,
  SCORE_DESCENDING: (k) => k.score,
  VIEW_COUNT: (k) => k.views,
  VOTE_COUNT: (k) => k.meta.totalVotes,
};

type Body = Record<string, unknown>;
class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

/** Opaque-looking page tokens, as Kaggle's; they encode the offset. */
const token = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function page<T>(items: T[], body: Body, defaultSize = 20): { items: T[]; nextPageToken?: string } {
  const size = Number(body.pageSize ?? defaultSize);
  if (!Number.isInteger(size) || size < 1 || size > 100) throw new HttpError(400, `pageSize must be 1..100, got ${String(body.pageSize)}`);
  let offset = (Number(body.page ?? 1) - 1) * size;
  if (typeof body.pageToken === 'string' && body.pageToken) {
    const m = /^offset:(\d+)$/.exec(Buffer.from(body.pageToken, 'base64url').toString());
    if (!m) throw new HttpError(400, 'Invalid pageToken');
    offset = Number(m[1]);
  }
  const next = offset + size < items.length ? token(offset + size) : undefined;
  return { items: items.slice(offset, offset + size), ...(next ? { nextPageToken: next } : {}) };
}

function listKernels(kernels: ServedKernel[], q: Body, cap: number) {
  const has = (v: unknown) => typeof v === 'string' && v !== '' && v !== 'all';
  const words = typeof q.search === 'string' ? q.search.toLowerCase().split(/\s+/).filter(Boolean) : [];
  const hits = kernels.filter((k) => {
    const m = k.meta;
    if (has(q.competition) && !(m.competitionDataSources as string[]).includes(q.competition as string)) return false;
    if (has(q.dataset) && !(m.datasetDataSources as string[]).includes(q.dataset as string)) return false;
    if (has(q.parentKernel)) return false; // no forks served
    if (has(q.user) && m.author !== q.user) return false;
    if (has(q.language) && m.language !== q.language) return false;
    if (has(q.kernelType) && m.kernelType !== q.kernelType) return false;
    if (has(q.outputType) && k.outputType !== q.outputType) return false;
    const text = `${m.ref} ${String(m.title)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const sortBy = (q.sortBy as string | undefined) ?? 'HOTNESS';
  if (sortBy === 'RELEVANCE' && words.length === 0) throw new HttpError(400, 'sortBy RELEVANCE needs search');
  const key = sortBy === 'SCORE_ASCENDING' || sortBy === 'RELEVANCE' ? KERNEL_SORTS.SCORE_DESCENDING : KERNEL_SORTS[sortBy];
  if (!key) throw new HttpError(400, `Invalid sortBy ${sortBy}`);
  // Ties broken by id, and SCORE_ASCENDING the exact reverse of SCORE_DESCENDING, so orders are total.
  hits.sort((a, b) => key(b) - key(a) || a.meta.id - b.meta.id);
  if (sortBy === 'SCORE_ASCENDING') hits.reverse();
  const { items, nextPageToken } = page(hits.slice(0, cap), q);
  return { kernels: items.map((k) => k.meta), ...(nextPageToken ? { nextPageToken } : {}) };
}

/** Kaggle's GetKernel source has no outputs: empty every code cell's outputs (nbformat 3 and 4). */
function stripOutputs(notebook: string): string {
  const nb = JSON.parse(notebook) as { cells?: Body[]; worksheets?: { cells?: Body[] }[] };
  const cells = [...(nb.cells ?? []), ...(nb.worksheets ?? []).flatMap((w) => w.cells ?? [])];
  for (const c of cells) {
    if (c.cell_type !== 'code') continue;
    c.outputs = [];
    if ('execution_count' in c) c.execution_count = null;
    delete c.prompt_number;
  }
  return JSON.stringify(nb);
}

function syntheticNotebook(k: ServedKernel): string {
  const cell = { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: [`print(${JSON.stringify(k.meta.ref)})\n`] };
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: k.meta.language } }, cells: [cell] });
}

const COMPETITIONS = [
  ['titanic', 'Titanic - Machine Learning from Disaster', 'HOST_SEGMENT_GETTING_STARTED', 15_800, 'Knowledge'],
  ['house-prices-advanced-regression-techniques', 'House Prices - Advanced Regression Techniques', 'HOST_SEGMENT_GETTING_STARTED', 4_900, 'Knowledge'],
  ['digit-recognizer', 'Digit Recognizer', 'HOST_SEGMENT_GETTING_STARTED', 1_600, 'Knowledge'],
  ['spaceship-titanic', 'Spaceship Titanic', 'HOST_SEGMENT_GETTING_STARTED', 2_300, 'Knowledge'],
  ['playground-series-s5e9', 'Predict the Beats-per-Minute of Songs', 'HOST_SEGMENT_PLAYGROUND', 2_600, 'Swag'],
  ['synthetic-big-competition', 'A Synthetic Competition With Many Kernels', 'HOST_SEGMENT_FEATURED', 900, '$50,000'],
  [RULES_REQUIRED_COMPETITION, 'A Competition Whose Rules Were Not Accepted', 'HOST_SEGMENT_RESEARCH', 120, '$10,000'],
].map(([slug, title, category, teamCount, reward], i) => ({
  id: 3136 + i,
  ref: `https://www.kaggle.com/competitions/${slug}`,
  title,
  url: `https://www.kaggle.com/competitions/${slug}`,
  description: `${title}.`,
  category,
  reward,
  tags: [],
  deadline: new Date(NOW + (i - 2) * 30 * DAY).toISOString().replace('.000', ''),
  kernelCount: (teamCount as number) * 3,
  teamCount,
  evaluationMetric: 'Categorization Accuracy',
}));

const DATASETS = KERNEL_DATASETS.map((ref, i) => ({
  id: 1000 + i,
  ref,
  title: ref.split('/')[1].replace(/-/g, ' '),
  totalBytes: 10_000 * (i + 1),
  lastUpdated: new Date(NOW - i * 90 * DAY).toISOString(),
  downloadCount: 5_000 * (4 - i),
  voteCount: [1200, 3400, 800, 2100][i],
  kernelCount: 100 * (i + 1),
  licenseName: 'CC0: Public Domain',
  currentVersionNumber: i + 1,
}));

/** The zip served for a competition or dataset: deterministic, so tests can compare bytes. */
export function fileZip(name: string): Uint8Array {
  return zipSync({ 'train.csv': strToU8(`id,target\n1,0\n2,1\n# ${name}\n`), 'README.txt': strToU8(name) }, { mtime: new Date(NOW) });
}

function outputFiles(k: ServedKernel, base: string) {
  const names = k.file ? ['__notebook__.ipynb', '__results__.html', 'submission.csv'] : ['submission.csv'];
  return names.map((fileName) => ({ url: `${base}/files/output/${k.meta.ref}/${fileName}`, fileName }));
}

function parseAuth(header: string | undefined): RecordedAuth | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (bearer) return { kind: 'bearer', token: bearer[1] };
  const basic = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!basic) return null;
  const text = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { kind: 'basic', username: text.slice(0, colon), key: text.slice(colon + 1) };
}

export async function startKaggleServer(opts: KaggleServerOptions = {}): Promise<KaggleServer> {
  const kernels = buildKernels(opts);
  const byRef = new Map(kernels.map((k) => [k.meta.ref, k]));
  const corpusDir = opts.corpusDir ?? CORPUS_DIR;
  const cap = opts.cap ?? 1000;
  const requests: RecordedRequest[] = [];
  const faults = new Map<string, { fault: Fault; left: number }[]>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  let base = '';

  const kernelOf = (b: Body) => {
    const k = byRef.get(`${String(b.userName)}/${String(b.kernelSlug)}`.toLowerCase());
    if (!k) throw new HttpError(404, 'Kernel not found');
    return k;
  };
  const redirect = (location: string) => ({ redirect: `${base}${location}` });

  const rpcs: Record<string, (b: Body, fault?: Fault) => unknown> = {
    'kernels.KernelsApiService/ListKernels': (b) => listKernels(kernels, b, cap),
    'kernels.KernelsApiService/GetKernel': (b, fault) => {
      const k = kernelOf(b);
      const source =
        fault && 'sourceNotJson' in fault ? '{"cells": [ this is not JSON' : k.file ? stripOutputs(fs.readFileSync(path.join(corpusDir, k.file), 'utf8')) : syntheticNotebook(k);
      return { metadata: k.meta, blob: { source, language: k.meta.language, kernelType: k.meta.kernelType, slug: k.meta.slug } };
    },
    'kernels.KernelsApiService/ListKernelSessionOutput': (b) => {
      const { items, nextPageToken } = page(outputFiles(kernelOf(b), base), b);
      return { files: items, log: '[]', ...(nextPageToken ? { nextPageToken } : {}) };
    },
    'kernels.KernelsApiService/GetKernelSessionStatus': (b) => (kernelOf(b), { status: 'COMPLETE' }),
    'competitions.CompetitionApiService/ListCompetitions': (b) => {
      const search = String(b.search ?? '').toLowerCase();
      let list = COMPETITIONS.filter(
        (c) => (!b.category || b.category === 'all' || c.category === b.category) && `${c.ref} ${c.title}`.toLowerCase().includes(search),
      );
      if (b.sortBy === 'COMPETITION_SORT_BY_NUMBER_OF_TEAMS') list = [...list].sort((x, y) => (y.teamCount as number) - (x.teamCount as number));
      const { items, nextPageToken } = page(list, b);
      return { competitions: items, ...(nextPageToken ? { nextPageToken } : {}) };
    },
    'competitions.CompetitionApiService/DownloadDataFiles': (b) => {
      const slug = String(b.competitionName);
      if (!COMPETITIONS.some((c) => c.ref.endsWith(`/${slug}`))) throw new HttpError(404, 'Competition not found');
      if (slug === RULES_REQUIRED_COMPETITION) throw new HttpError(403, "You must accept this competition's rules before you'll be able to download files.");
      return redirect(`/files/competitions/${slug}.zip`);
    },
    'datasets.DatasetApiService/ListDatasets': (b) => {
      const search = String(b.search ?? '').toLowerCase();
      let list = DATASETS.filter((d) => (!b.user || d.ref.startsWith(`${String(b.user)}/`)) && `${d.ref} ${d.title}`.toLowerCase().includes(search));
      if (b.sortBy === 'DATASET_SORT_BY_VOTES') list = [...list].sort((x, y) => y.voteCount - x.voteCount);
      const { items, nextPageToken } = page(list, b);
      return { datasets: items, ...(nextPageToken ? { nextPageToken } : {}) };
    },
    'datasets.DatasetApiService/DownloadDataset': (b) => {
      const ref = `${String(b.ownerSlug)}/${String(b.datasetSlug)}`;
      if (!DATASETS.some((d) => d.ref === ref)) throw new HttpError(404, 'Dataset not found');
      return redirect(`/files/datasets/${ref}.zip`);
    },
  };

  /** The file GETs the RPCs point at; no auth, like signed storage URLs. */
  function serveFile(p: string): { type: string; data: Uint8Array | string } {
    let m = /^\/files\/output\/([^/]+\/[^/]+)\/([^/]+)$/.exec(p);
    const k = m && byRef.get(m[1]);
    if (m && k && outputFiles(k, base).some((f) => f.fileName === m![2])) {
      if (m[2] === '__notebook__.ipynb') return { type: 'application/json', data: fs.readFileSync(path.join(corpusDir, k.file!)) };
      if (m[2] === '__results__.html') return { type: 'text/html', data: `<html><body>${k.meta.ref}</body></html>` };
      return { type: 'text/csv', data: 'id,target\n1,0\n' };
    }
    if ((m = /^\/files\/(competitions\/[^/]+|datasets\/[^/]+\/[^/]+)\.zip$/.exec(p))) return { type: 'application/zip', data: fileZip(m[1]) };
    throw new HttpError(404, 'File not found');
  }

  function takeFault(method: string): Fault | undefined {
    const queue = faults.get(method);
    const head = queue?.[0];
    if (!head) return undefined;
    if (--head.left <= 0) queue.shift();
    return head.fault;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', base);
    const rpcMatch = req.method === 'POST' ? /^\/v1\/([^/]+\/[^/]+)$/.exec(url.pathname) : null;
    const rpc = rpcMatch?.[1].split('/')[1];
    let body: unknown;
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    } catch {
      body = Buffer.concat(chunks).toString('utf8');
    }
    const auth = parseAuth(req.headers.authorization);
    requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body, auth, rpc });

    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    try {
      // Kaggle checks credentials before anything else, so an unauthenticated call consumes no fault.
      if (rpcMatch && opts.requireAuth && !auth) throw new HttpError(401, 'Unauthenticated: send Authorization: Bearer or Basic');
      const fault = takeFault(rpc ?? 'file');
      if (fault && 'delayMs' in fault) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => (timers.delete(t), resolve()), fault.delayMs);
          timers.add(t);
        });
        if (res.destroyed) return;
      }
      const retryAfter = fault && 'retryAfter' in fault && fault.retryAfter ? { 'Retry-After': fault.retryAfter } : undefined;
      if (fault && 'status' in fault) return json(fault.status, fault.body ?? { code: fault.status, message: `scripted ${fault.status}` }, retryAfter);
      if (fault && 'kaggleError' in fault) {
        return json(fault.httpStatus ?? fault.kaggleError, { error: { code: fault.kaggleError, message: 'Too many requests', status: 'RESOURCE_EXHAUSTED' } }, retryAfter);
      }
      if (fault && 'errorBody' in fault) return json(200, { code: fault.errorBody, message: fault.message ?? `scripted ${fault.errorBody}` });

      if (!rpcMatch) {
        if (req.method !== 'GET') throw new HttpError(404, 'Not found');
        const file = serveFile(url.pathname);
        res.writeHead(200, { 'Content-Type': file.type }).end(file.data);
        return;
      }
      const handler = rpcs[rpcMatch[1]];
      if (!handler) throw new HttpError(404, `No such method ${rpcMatch[1]}`);
      if (!body || typeof body !== 'object') throw new HttpError(400, 'Body must be a JSON object');
      const answer = handler(body as Body, fault) as { redirect?: string };
      if (answer.redirect) res.writeHead(302, { Location: answer.redirect }).end();
      else json(200, answer);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      json(status, { code: status, message: (err as Error).message });
    }
  }

  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    kernels,
    get maxInFlight() {
      return maxInFlight;
    },
    script(method, fault, times = 1) {
      faults.set(method, [...(faults.get(method) ?? []), { fault, left: times }]);
    },
    count: (method) => requests.filter((r) => (r.rpc ?? 'file') === method).length,
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
