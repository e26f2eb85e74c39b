import fs from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { rawSql, type Db } from '../../db/client';
import { Batch, flushBatch, planFile, type Totals } from './copy-batch';
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
  restart?: boolean; // forget earlier progress (rows already in the tables stay: ON CONFLICT DO NOTHING)
}

const DEFAULT_BATCH_ROWS = 50_000;
const READ_CHUNK = 1 << 20;

/**
 * Imports a Meta Kaggle dump folder into the mk_ tables, file by file in dependency order, streaming
 * each CSV in constant memory. Resumable: each batch commits its rows with the byte offset reached, so a
 * killed or failed import continues where it stopped; a finished file is not read again.
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
    summaries.push(await importFile(sql, spec, file, opts));
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
  if (!prior) await sql`insert into mk_import_progress (file, file_bytes) values (${spec.file}, ${size})`;

  // The header is read again on every run: a resumed read starts mid-file, past it.
  const { names, dataStart } = readCsvHeader(file);
  const plan = planFile(spec, names);
  const start = Math.max(totals.byteOffset, dataStart);
  const batchRows = Math.max(1, opts.batchRows ?? DEFAULT_BATCH_ROWS);
  const conn = await sql.reserve(); // the staging table is a temp table: one connection throughout
  // Parsing the next batch overlaps the database's work on the previous one; at most one batch is
  // in flight and `ready` holds at most one read chunk's worth, so memory stays constant.
  let inflight: Promise<void> | null = null;
  let failure: unknown = null;
  try {
    await conn.unsafe(plan.setup);
    const send = async (batch: Batch) => {
      await inflight;
      if (failure) throw failure;
      inflight = flushBatch(conn, plan, spec.file, batch).then(
        (t) => {
          totals = t;
          opts.onProgress?.({ ...summary(t), totalBytes: size });
        },
        (e) => void (failure = e), // kept, not left unhandled: thrown by the next send
      );
    };
    // Sized like the previous batch, so a batch's buffer is allocated about once.
    let capacity = Math.min(4 << 20, batchRows * 256);
    const fresh = () => new Batch(plan.fields, capacity);
    let batch = fresh();
    const ready: Batch[] = [];
    const splitter = new CsvRecordSplitter(start, (buf, s, e, fields, ok, end) => {
      batch.add(buf, s, e, fields, ok, end);
      if (batch.records < batchRows) return;
      capacity = Math.max(capacity, batch.len);
      ready.push(batch);
      batch = fresh();
    });
    for await (const chunk of fs.createReadStream(file, { start, highWaterMark: READ_CHUNK })) {
      splitter.push(chunk as Buffer);
      while (ready.length) await send(ready.shift()!);
    }
    splitter.end();
    if (batch.records > 0) await send(batch);
    await inflight;
    if (failure) throw failure;
    await sql`update mk_import_progress set done = true, byte_offset = ${size}, updated_at = now() where file = ${spec.file}`;
    return summary({ ...totals, byteOffset: size });
  } finally {
    await inflight; // never rejects (see send): do not interleave with a batch's statements
    await conn.unsafe(plan.teardown).catch(() => {});
    conn.release();
  }
}
