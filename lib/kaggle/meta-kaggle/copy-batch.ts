import { isUtf8 } from 'node:buffer';
import { finished } from 'node:stream/promises';
import type postgres from 'postgres';
import type { FileSpec } from './tables';

/**
 * How one file is loaded, given its header: each batch of raw CSV records is COPYed into a temporary
 * staging table typed like the file (mapped columns get their SQL type, unknown ones text), with
 * ON_ERROR ignore so PostgreSQL parses every value once and skips rows that do not parse (bad rows).
 * One INSERT … SELECT … WHERE EXISTS … ON CONFLICT DO NOTHING then moves the rows whose references
 * resolve, and the same statement adds the counts and the byte offset reached to mk_import_progress.
 */
export interface FilePlan {
  fields: number; // columns in the header: a record with another count is bad
  setup: string; // session settings and the staging table, on the import's own connection
  insert: string; // $1 byte offset, $2 rows found bad before COPY, $3 rows sent to COPY, $4 file name
  insertFast: string; // the same without ON CONFLICT: fails on a duplicate id instead
  teardown: string;
}

export function planFile(spec: FileSpec, header: string[]): FilePlan {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const stageTypes = header.map(() => 'text');
  const select: string[] = [];
  const required: string[] = [];
  const stageCol = new Map<string, string>();
  for (const col of spec.columns) {
    const i = index.get(col.csv.toLowerCase());
    if (i === undefined) {
      if (col.required) throw new Error(`${spec.file}: required column "${col.csv}" is missing from its header`);
      select.push(`null::${col.type}`); // an older or newer dump without this column
      continue;
    }
    stageTypes[i] = col.type;
    select.push(`s.c${i}`);
    stageCol.set(col.col, `s.c${i}`);
    if (col.required) required.push(`s.c${i} is not null`);
  }
  const refs = spec.refs.map((r) => `exists (select 1 from ${r.table} r where r.id = ${stageCol.get(r.col)})`);
  const present = required.join(' and ') || 'true';
  const setup = `set timezone = 'UTC'; set datestyle = 'ISO, MDY';
    drop table if exists pg_temp.mk_stage;
    create temp table mk_stage (${stageTypes.map((t, i) => `c${i} ${t}`).join(', ')}) on commit delete rows`;
  const insert = (onConflict: string) => `
    with ins as (
      insert into ${spec.table} (${spec.columns.map((c) => c.col).join(', ')})
      select ${select.join(', ')} from mk_stage s
      where ${[present, ...refs].join(' and ')}
      ${onConflict}
      returning 1),
    n as (select (select count(*) from ins) as inserted, count(*) as staged,
                 count(*) filter (where not (${present})) as missing from mk_stage s)
    update mk_import_progress p set
      byte_offset = $1,
      rows_imported = rows_imported + n.inserted,
      rows_dropped = rows_dropped + n.staged - n.missing - n.inserted,
      rows_bad = rows_bad + $2 + ($3 - n.staged) + n.missing,
      updated_at = now()
    from n where p.file = $4
    returning p.byte_offset, p.rows_imported, p.rows_dropped, p.rows_bad`;
  const teardown = 'drop table if exists pg_temp.mk_stage; reset timezone; reset datestyle';
  return { fields: header.length, setup, insert: insert('on conflict do nothing'), insertFast: insert(''), teardown };
}

/** Records collected for one COPY, as newline-terminated CSV bytes. */
export class Batch {
  buf: Buffer;
  len = 0;
  sent = 0; // records in buf
  bad = 0; // records rejected before COPY (column count, encoding, NUL, bare CR)
  endOffset = -1; // file offset just past the last record seen

  constructor(private readonly fields: number, capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get records(): number {
    return this.sent + this.bad;
  }

  add(src: Buffer, start: number, end: number, fields: number, ok: boolean, endOffset: number): void {
    this.endOffset = endOffset;
    // COPY would fail the whole batch on a wrong column count or invalid UTF-8: reject such rows here.
    if (!ok || fields !== this.fields || !isUtf8(src.subarray(start, end))) {
      this.bad++;
      return;
    }
    const need = this.len + (end - start) + 1;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    src.copy(this.buf, this.len, start, end);
    this.len += end - start;
    this.buf[this.len++] = 0x0a;
    this.sent++;
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
 * The INSERT first runs without ON CONFLICT: its speculative insertion costs about 2 µs a row, some 40 %
 * of the insert, and a fresh import has no conflicts. On a duplicate id (a re-import, a dump listing an
 * id twice) the savepoint is rolled back and the batch inserted again with ON CONFLICT DO NOTHING.
 */
export async function flushBatch(conn: postgres.ReservedSql, plan: FilePlan, file: string, batch: Batch): Promise<Totals> {
  await conn`begin`;
  try {
    if (batch.sent > 0) {
      const copy = await conn.unsafe('copy mk_stage from stdin with (format csv, on_error ignore)').writable();
      copy.end(batch.buf.subarray(0, batch.len));
      await finished(copy);
    }
    const params = [batch.endOffset, batch.bad, batch.sent, file];
    await conn`savepoint fast`;
    let rows: postgres.RowList<postgres.Row[]>;
    try {
      rows = await conn.unsafe(plan.insertFast, params);
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e; // unique_violation
      await conn`rollback to savepoint fast`;
      rows = await conn.unsafe(plan.insert, params);
    }
    const [row] = rows;
    if (!row) throw new Error(`${file}: its mk_import_progress row is missing`);
    await conn`commit`;
    return {
      byteOffset: Number(row.byte_offset),
      imported: Number(row.rows_imported),
      dropped: Number(row.rows_dropped),
      bad: Number(row.rows_bad),
    };
  } catch (e) {
    await conn`rollback`.catch(() => {});
    throw e;
  }
}
