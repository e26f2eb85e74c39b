import { isUtf8 } from 'node:buffer';
import { finished } from 'node:stream/promises';
import type postgres from 'postgres';
import { MAX_FIELDS } from './csv-records';
import type { FileSpec } from './tables';

/**
 * How one file is loaded, given its header. Each batch of records, cut down to the mapped columns (raw
 * bytes, still CSV), is COPYed into a temporary staging table typed like the target, with ON_ERROR ignore:
 * PostgreSQL parses every value once and skips the rows that do not parse (bad rows). One
 * INSERT … SELECT then moves the rows whose required values are there and whose references resolve,
 * checked in the same statement; the others are dropped (counted).
 */
export interface FilePlan {
  fields: number; // columns in the header: a record with another count is bad
  runs: Int32Array; // [first, last] header field pairs to keep, consecutive fields merged into one run
  setup: string; // session settings and the staging table, on each of the import's connections
  insert: string; // its command tag gives the rows inserted
  insertFast: string; // the same without ON CONFLICT: fails on a duplicate id instead
  counts: string; // → staged (rows COPY kept), missing (a required value empty)
  progress: string; // $1 byte offset, $2 imported, $3 dropped, $4 bad, $5 file
  teardown: string;
}

export function planFile(spec: FileSpec, header: string[]): FilePlan {
  if (header.length > MAX_FIELDS) throw new Error(`${spec.file}: more than ${MAX_FIELDS} columns`);
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const mapped: { i: number; col: string; type: string }[] = [];
  const select: string[] = [];
  const required: string[] = [];
  for (const col of spec.columns) {
    const i = index.get(col.csv.toLowerCase());
    if (i === undefined) {
      if (col.required) throw new Error(`${spec.file}: required column "${col.csv}" is missing from its header`);
      select.push(`null::${col.type}`); // an older or newer dump without this column
      continue;
    }
    mapped.push({ i, col: col.col, type: col.type });
    select.push(`s.${col.col}`);
    if (col.required) required.push(`s.${col.col} is not null`);
  }
  mapped.sort((a, b) => a.i - b.i); // the staging table has the kept fields in file order
  const runs: number[] = [];
  for (const { i } of mapped) {
    if (runs.length && runs[runs.length - 1] === i - 1) runs[runs.length - 1] = i;
    else runs.push(i, i);
  }
  // Reference checks: each distinct key of the batch is looked up once, by an index probe. A scalar
  // subquery is always run as such (never turned into a join), so the planner cannot choose to hash the
  // whole referenced table (tens of millions of rows) once per batch; and KernelVersions rows come in runs
  // of the same ScriptId, so probing distinct keys saves most probes.
  const okKeys = spec.refs.map(
    (r, n) => `ok${n} as (select k from (select distinct ${r.col} as k from mk_stage) d
      where (select true from ${r.table} r where r.id = d.k))`,
  );
  const refs = spec.refs.map((r, n) => `s.${r.col} in (select k from ok${n})`);
  const present = required.join(' and ') || 'true';
  const setup = `set timezone = 'UTC'; set datestyle = 'ISO, MDY';
    drop table if exists pg_temp.mk_stage;
    create temp table mk_stage (${mapped.map((m) => `${m.col} ${m.type}`).join(', ')}) on commit delete rows`;
  const insert = (onConflict: string) => `
    ${okKeys.length ? `with ${okKeys.join(',\n    ')}` : ''}
    insert into ${spec.table} (${spec.columns.map((c) => c.col).join(', ')})
    select ${select.join(', ')} from mk_stage s
    where ${[present, ...refs].join(' and ')}
    ${onConflict}`;
  const counts = `select count(*)::int as staged, count(*) filter (where not (${present}))::int as missing from mk_stage s`;
  const progress = `
    update mk_import_progress set byte_offset = $1, rows_imported = rows_imported + $2,
      rows_dropped = rows_dropped + $3, rows_bad = rows_bad + $4, updated_at = now()
    where file = $5
    returning byte_offset, rows_imported, rows_dropped, rows_bad`;
  const teardown = 'drop table if exists pg_temp.mk_stage; reset timezone; reset datestyle; reset lock_timeout';
  const [fast, safe] = [insert(''), insert('on conflict do nothing')];
  return { fields: header.length, runs: Int32Array.from(runs), setup, insert: safe, insertFast: fast, counts, progress, teardown };
}

/** Records collected for one COPY: the kept fields of each, as newline-terminated CSV bytes. */
export class Batch {
  buf: Buffer;
  len = 0;
  sent = 0; // records in buf
  bad = 0; // records rejected before COPY (column count, encoding, NUL, bare CR)
  endOffset = -1; // file offset just past the last record seen
  private ends: number[] = []; // where each record ends in buf, to drop one that is not UTF-8

  constructor(private readonly plan: FilePlan, capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get records(): number {
    return this.sent + this.bad;
  }

  add(src: Buffer, start: number, end: number, fields: number, ok: boolean, endOffset: number, starts: Int32Array): void {
    this.endOffset = endOffset;
    // COPY would fail the whole batch on a wrong column count: reject such rows here.
    if (!ok || fields !== this.plan.fields) {
      this.bad++;
      return;
    }
    if (this.len + (end - start) + 1 > this.buf.length) this.grow(end - start + 1);
    const { runs } = this.plan;
    const out = this.buf;
    let len = this.len;
    for (let r = 0; r < runs.length; r += 2) {
      if (r > 0) out[len++] = 0x2c;
      const from = start + starts[runs[r]];
      const to = start + starts[runs[r + 1] + 1] - 1;
      // Fields are short: a loop beats Buffer#copy's per-call overhead.
      if (to - from < 64) for (let i = from; i < to; i++) out[len++] = src[i];
      else len += src.copy(out, len, from, to);
    }
    out[len++] = 0x0a;
    this.len = len;
    this.ends.push(len);
    this.sent++;
  }

  /** The bytes to COPY. Invalid UTF-8 would fail the whole COPY: such records are dropped as bad. */
  bytes(): Buffer {
    if (isUtf8(this.buf.subarray(0, this.len))) return this.buf.subarray(0, this.len);
    let kept = 0;
    let from = 0;
    for (const end of this.ends) {
      if (isUtf8(this.buf.subarray(from, end))) kept += this.buf.copy(this.buf, kept, from, end);
      else {
        this.bad++;
        this.sent--;
      }
      from = end;
    }
    this.len = kept;
    this.ends = [];
    return this.buf.subarray(0, kept);
  }

  private grow(need: number): void {
    const grown = Buffer.allocUnsafe(Math.max(this.len + need, this.buf.length * 2));
    this.buf.copy(grown, 0, 0, this.len);
    this.buf = grown;
  }
}

export interface Totals {
  byteOffset: number;
  imported: number;
  dropped: number;
  bad: number;
}

/**
 * Loads one batch in one transaction: COPY, INSERT … SELECT and the progress row commit together.
 * Batches run on several connections at once but commit in file order: `before` settles when the
 * previous batch has committed (and rejects if it failed, and then this one rolls back), so the committed
 * byte offset always has every row before it committed. The INSERT first runs without ON CONFLICT: its
 * speculative insertion costs about 2 µs a row, some 40 % of the insert, and a fresh import has no
 * conflicts. On a duplicate id (a re-import, a dump listing an id twice) the savepoint is rolled back
 * and the batch inserted again with ON CONFLICT DO NOTHING.
 */
export async function runBatch(conn: postgres.ReservedSql, plan: FilePlan, file: string, batch: Batch, before: Promise<unknown>): Promise<Totals> {
  await conn`begin`;
  try {
    const bytes = batch.bytes();
    if (batch.sent > 0) {
      const copy = await conn.unsafe('copy mk_stage from stdin with (format csv, on_error ignore)').writable();
      copy.end(bytes);
      await finished(copy);
    }
    await conn`savepoint fast`;
    let inserted: number;
    try {
      inserted = (await conn.unsafe(plan.insertFast)).count;
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e; // unique_violation
      await conn`rollback to savepoint fast`;
      inserted = (await conn.unsafe(plan.insert)).count;
    }
    const [{ staged, missing }] = await conn.unsafe(plan.counts);
    await before;
    const bad = batch.bad + (batch.sent - staged) + missing;
    const [row] = await conn.unsafe(plan.progress, [batch.endOffset, inserted, staged - missing - inserted, bad, file]);
    if (!row) throw new Error(`${file}: its mk_import_progress row is missing`);
    await conn`commit`;
    return { byteOffset: Number(row.byte_offset), imported: Number(row.rows_imported), dropped: Number(row.rows_dropped), bad: Number(row.rows_bad) };
  } catch (e) {
    await conn`rollback`.catch(() => {});
    throw e;
  }
}
