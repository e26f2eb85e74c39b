import { isUtf8 } from 'node:buffer';
import { finished } from 'node:stream/promises';
import type postgres from 'postgres';
import { MAX_FIELDS } from './csv-records';
import type { FileSpec } from './tables';

/**
 * How one file is loaded, given its header. Each batch of records, cut down to the mapped columns (raw
 * bytes, still CSV), is COPYed into a temporary staging table typed like the target, with ON_ERROR ignore:
 * PostgreSQL parses every value once and skips the rows that do not parse (bad rows). One
 * INSERT … SELECT … WHERE EXISTS (references) then moves the rows whose references resolve.
 */
export interface FilePlan {
  fields: number; // columns in the header: a record with another count is bad
  runs: Int32Array; // [first, last] header field pairs to keep, consecutive fields merged into one run
  setup: string; // session settings and the staging table, on each of the import's connections
  insert: string; // → inserted, staged, missing (a required value empty)
  insertFast: string; // the same without ON CONFLICT: fails on a duplicate id instead
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
  const refs = spec.refs.map((r) => `exists (select 1 from ${r.table} r where r.id = s.${r.col})`);
  const present = required.join(' and ') || 'true';
  const setup = `set timezone = 'UTC'; set datestyle = 'ISO, MDY';
    drop table if exists pg_temp.mk_stage;
    create temp table mk_stage (${mapped.map((m) => `${m.col} ${m.type}`).join(', ')}) on commit delete rows`;
  const insert = (onConflict: string) => `
    with ins as (
      insert into ${spec.table} (${spec.columns.map((c) => c.col).join(', ')})
      select ${select.join(', ')} from mk_stage s
      where ${[present, ...refs].join(' and ')}
      ${onConflict}
      returning 1)
    select (select count(*) from ins)::int as inserted, count(*)::int as staged,
           count(*) filter (where not (${present}))::int as missing
    from mk_stage s`;
  const progress = `
    update mk_import_progress set byte_offset = $1, rows_imported = rows_imported + $2,
      rows_dropped = rows_dropped + $3, rows_bad = rows_bad + $4, updated_at = now()
    where file = $5
    returning byte_offset, rows_imported, rows_dropped, rows_bad`;
  const teardown = 'drop table if exists pg_temp.mk_stage; reset timezone; reset datestyle';
  return { fields: header.length, runs: Int32Array.from(runs), setup, insert: insert('on conflict do nothing'), insertFast: insert(''), progress, teardown };
}

/** Records collected for one COPY: the kept fields of each, as newline-terminated CSV bytes. */
export class Batch {
  buf: Buffer;
  len = 0;
  sent = 0; // records in buf
  bad = 0; // records rejected before COPY (column count, encoding, NUL, bare CR)
  endOffset = -1; // file offset just past the last record seen

  constructor(private readonly plan: FilePlan, capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get records(): number {
    return this.sent + this.bad;
  }

  add(src: Buffer, start: number, end: number, fields: number, ok: boolean, endOffset: number, starts: Int32Array): void {
    this.endOffset = endOffset;
    // COPY would fail the whole batch on a wrong column count or invalid UTF-8: reject such rows here.
    if (!ok || fields !== this.plan.fields || !isUtf8(src.subarray(start, end))) {
      this.bad++;
      return;
    }
    if (this.len + (end - start) + 1 > this.buf.length) this.grow(end - start + 1);
    const { runs } = this.plan;
    for (let r = 0; r < runs.length; r += 2) {
      if (r > 0) this.buf[this.len++] = 0x2c;
      const from = start + starts[runs[r]];
      const to = start + starts[runs[r + 1] + 1] - 1;
      src.copy(this.buf, this.len, from, to);
      this.len += to - from;
    }
    this.buf[this.len++] = 0x0a;
    this.sent++;
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
    if (batch.sent > 0) {
      const copy = await conn.unsafe('copy mk_stage from stdin with (format csv, on_error ignore)').writable();
      copy.end(batch.buf.subarray(0, batch.len));
      await finished(copy);
    }
    await conn`savepoint fast`;
    let counts: postgres.Row;
    try {
      [counts] = await conn.unsafe(plan.insertFast);
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e; // unique_violation
      await conn`rollback to savepoint fast`;
      [counts] = await conn.unsafe(plan.insert);
    }
    const { inserted, staged, missing } = counts as { inserted: number; staged: number; missing: number };
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
