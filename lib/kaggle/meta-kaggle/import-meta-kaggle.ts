import fs from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { rawSql, type Db } from '../../db/client';
import { Batch, planFile, runBatch, type Totals } from './copy-batch';
import { CsvRecordSplitter, readCsvHeader } from './csv-records';
import { META_KAGGLE_FILES, type FileSpec } from './tables';

export interface MetaKaggleFileSummary {
  file: string;
  rows: number; // data records read: imported + dropped + bad
  imported: number;
  dropped: number; // well-formed rows whose references do not resolve (or already present)
  bad: number; // malformed rows: wrong column count, a value that does not parse, a required value empty
  bytes: number; // bytes of the file done
  seconds: number; // time spent by this call (counts are totals over resumed runs)
  note?: string;
}

export interface MetaKaggleProgress extends Omit<MetaKaggleFileSummary, 'seconds' | 'note'> {
  totalBytes: number;
}

export interface ImportMetaKaggleOptions {
  /** Called after each committed batch; a throw stops the import there (it resumes on the next call). */
  onProgress?: (p: MetaKaggleProgress) => void;
  batchRows?: number; // records per transaction
  connections?: number; // batches loaded at once (commits stay in file order); default 2
  restart?: boolean; // forget earlier progress (rows already in the tables stay: ON CONFLICT DO NOTHING)
}

const DEFAULT_BATCH_ROWS = 50_000;
const DEFAULT_CONNECTIONS = 2; // one PostgreSQL backend is the bottleneck: a second nearly doubles throughput
const READ_CHUNK = 1 << 20;

/**
 * Imports a Meta Kaggle dump folder into the mk_ tables, file by file in dependency order, streaming
 * each CSV in constant memory. Resumable: each batch commits its rows with the byte offset reached, so a
 * killed or failed import continues where it stopped; a finished file is not read again.
 * `db` must be a top-level handle, not a transaction: batches run on connections reserved from its pool.
 * Needs PostgreSQL 17 or later (COPY … ON_ERROR).
 */
export async function importMetaKaggle(db: Db, folder: string, opts: ImportMetaKaggleOptions = {}): Promise<MetaKaggleFileSummary[]> {
  const sql = rawSql(db);
  const [{ v }] = await sql`select current_setting('server_version_num')::int as v`;
  if (v < 170000) throw new Error('importing Meta Kaggle needs PostgreSQL 17 or later (COPY … ON_ERROR ignore)');
  // Dumps are unpacked on all sorts of systems: match file names case-insensitively.
  const present = new Map(fs.readdirSync(folder).map((f) => [f.toLowerCase(), path.join(folder, f)]));
  const missing = META_KAGGLE_FILES.filter((s) => !s.optional && !present.has(s.file.toLowerCase())).map((s) => s.file);
  if (missing.length) throw new Error(`${folder} is not a Meta Kaggle dump: missing ${missing.join(', ')}`);

  const summaries: MetaKaggleFileSummary[] = [];
  for (const spec of META_KAGGLE_FILES) {
    const file = present.get(spec.file.toLowerCase());
    if (!file) {
      const none = { rows: 0, imported: 0, dropped: 0, bad: 0, bytes: 0, seconds: 0 };
      summaries.push({ file: spec.file, ...none, note: 'not in the dump: skipped' });
      continue;
    }
    try {
      summaries.push(await importFile(sql, spec, file, opts));
    } catch (e) {
      // lock_not_available: two batches in flight held the same id (see importFile); resume on one connection.
      if ((e as { code?: string }).code !== '55P03' || opts.connections === 1) throw e;
      summaries.push(await importFile(sql, spec, file, { ...opts, connections: 1 }));
    }
  }
  return summaries;
}

async function importFile(sql: postgres.Sql, spec: FileSpec, file: string, opts: ImportMetaKaggleOptions): Promise<MetaKaggleFileSummary> {
  const started = performance.now();
  const size = fs.statSync(file).size;
  if (opts.restart) await sql`delete from mk_import_progress where file = ${spec.file}`;
  const [prior] = await sql`select * from mk_import_progress where file = ${spec.file}`;
  const summary = (t: Totals, note?: string): MetaKaggleFileSummary => ({
    file: spec.file,
    rows: t.imported + t.dropped + t.bad,
    imported: t.imported,
    dropped: t.dropped,
    bad: t.bad,
    bytes: t.byteOffset,
    seconds: (performance.now() - started) / 1000,
    ...(note ? { note } : {}),
  });
  let totals: Totals = prior
    ? { byteOffset: Number(prior.byte_offset), imported: Number(prior.rows_imported), dropped: Number(prior.rows_dropped), bad: Number(prior.rows_bad) }
    : { byteOffset: 0, imported: 0, dropped: 0, bad: 0 };
  if (prior && Number(prior.file_bytes) !== size) {
    throw new Error(`${spec.file} changed since its import started (${prior.file_bytes} → ${size} bytes): import with restart`);
  }
  if (prior?.done) return summary(totals, 'already imported');
  // The header is read again on every run: a resumed read starts mid-file, past it.
  const { names, dataStart } = readCsvHeader(file);
  const plan = planFile(spec, names);
  if (!prior) await sql`insert into mk_import_progress (file, file_bytes) values (${spec.file}, ${size})`;
  const start = Math.max(totals.byteOffset, dataStart);
  const batchRows = Math.max(1, opts.batchRows ?? DEFAULT_BATCH_ROWS);
  // Staging tables are temp tables: each connection keeps its own for the whole file. Leave the pool
  // one connection for others.
  const poolSize = (sql as unknown as { options: { max: number } }).options.max;
  const workers = Math.max(1, Math.min(opts.connections ?? DEFAULT_CONNECTIONS, poolSize - 1));
  const conns: postgres.ReservedSql[] = [];
  // Parsing overlaps the database's work: each connection has at most one batch in flight, and `ready`
  // holds at most one read chunk's worth, so memory stays constant.
  const idle: Promise<unknown>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  let sent = 0;
  try {
    for (let w = 0; w < workers; w++) {
      conns.push(await sql.reserve());
      await conns[w].unsafe(plan.setup);
      // An older batch waiting for a row a newer one inserted (the same id twice in a file), while the
      // newer waits for the older to commit, would wait forever: a lock timeout breaks that cycle.
      if (workers > 1) await conns[w]`set lock_timeout = '20s'`;
      idle.push(Promise.resolve());
    }
    const send = async (batch: Batch) => {
      const w = sent++ % workers;
      await idle[w];
      if (failure) throw failure.error;
      const committed = runBatch(conns[w], plan, spec.file, batch, previous).then((t) => {
        totals = t;
        opts.onProgress?.({ ...summary(t), totalBytes: size });
      });
      // Handled here (the first failure is kept and thrown by the next send), so never left unhandled.
      idle[w] = committed.catch((e) => void (failure ??= { error: e }));
      previous = committed;
    };
    // Sized like the previous batch, so a batch's buffer is allocated about once.
    let capacity = Math.min(4 << 20, batchRows * 128);
    let batch = new Batch(plan, capacity);
    const ready: Batch[] = [];
    const splitter = new CsvRecordSplitter(start, (buf, s, e, fields, ok, end, starts) => {
      batch.add(buf, s, e, fields, ok, end, starts);
      if (batch.records < batchRows) return;
      capacity = Math.max(capacity, batch.len);
      ready.push(batch);
      batch = new Batch(plan, capacity);
    });
    for await (const chunk of fs.createReadStream(file, { start, highWaterMark: READ_CHUNK })) {
      splitter.push(chunk as Buffer);
      while (ready.length) await send(ready.shift()!);
    }
    splitter.end();
    if (batch.records > 0) await send(batch);
    await Promise.all(idle);
    if (failure) throw (failure as { error: unknown }).error;
    await conns[0]`update mk_import_progress set done = true, byte_offset = ${size}, updated_at = now() where file = ${spec.file}`;
    // Fresh statistics, so the reference checks of the next files and the selection queries plan well.
    await conns[0].unsafe(`analyze ${spec.table}`);
    return summary({ ...totals, byteOffset: size });
  } finally {
    await Promise.all(idle); // never rejects: do not tear down under a running batch
    for (const conn of conns) {
      await conn.unsafe(plan.teardown).catch(() => {});
      conn.release();
    }
  }
}
