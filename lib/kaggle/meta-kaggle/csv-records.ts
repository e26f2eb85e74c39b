import fs from 'node:fs';
import { parseCsv } from '../../csv/parse-csv';

/**
 * Called once per CSV record. `buf[start, end)` are the record's raw bytes without its line terminator
 * (valid only during the call); `fields` is the number of fields; `ok` is false when the record cannot be
 * passed to PostgreSQL's COPY as is (NUL byte, bare carriage return, oversized); `endOffset` is the
 * absolute file offset just past the record's terminator, i.e. where a resumed read starts.
 * Field k spans [start + starts[k], start + starts[k + 1] - 1) (raw, quotes included), for k < MAX_FIELDS.
 */
export type OnRecord = (
  buf: Buffer,
  start: number,
  end: number,
  fields: number,
  ok: boolean,
  endOffset: number,
  starts: Int32Array,
) => void;

export const MAX_FIELDS = 4096;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a CSV byte stream into records without decoding it: the records go to PostgreSQL's own CSV
 * parser (COPY … FORMAT csv) byte for byte, so this only has to find where records end, count fields and
 * know exact byte offsets for resuming. Quote handling is PostgreSQL's: every `"` toggles quoting (so `""`
 * inside quotes is an escaped quote), and commas and line feeds inside quotes are data. `,`, `"` and
 * line feeds are ASCII, so they never occur inside a multi-byte UTF-8 sequence: scanning bytes is exact.
 * An unbalanced quote would swallow the rest of the file: once a record in progress passes
 * `maxRecordBytes` (or the file ends inside quotes), its first line is reported as one bad record and
 * reading resumes on the next line, so memory stays bounded and the result does not depend on chunking.
 */
export class CsvRecordSplitter {
  private carry: Buffer | null = null; // bytes of the record in progress, from its first byte
  private carryBase: number; // absolute offset of carry[0] (or of the next chunk when there is no carry)
  private scanned = 0; // bytes of carry already scanned
  private inQuote = false;
  private fields = 1;
  private ok = true;
  private readonly starts = new Int32Array(MAX_FIELDS + 1); // field starts, relative to the record's start

  constructor(
    startOffset: number,
    private readonly onRecord: OnRecord,
    private readonly maxRecordBytes = 8 << 20,
  ) {
    this.carryBase = startOffset;
  }

  push(chunk: Buffer): void {
    this.scan(this.carry ? Buffer.concat([this.carry, chunk]) : chunk, this.carry ? this.scanned : 0, false);
  }

  /** The last record, when the file does not end with a line feed. */
  end(): void {
    if (this.carry) this.scan(this.carry, this.scanned, true);
    this.carry = null;
  }

  private scan(buf: Buffer, from: number, final: boolean): void {
    const len = buf.length;
    const starts = this.starts;
    let recStart = 0;
    let i = from;
    let { inQuote, fields, ok } = this;
    for (;;) {
      for (; i < len; i++) {
        const b = buf[i];
        if (b > COMMA) continue; // letters, digits, most punctuation, UTF-8: the common case first
        if (b === QUOTE) inQuote = !inQuote;
        else if (b === 0) ok = false; // PostgreSQL text cannot hold NUL
        else if (inQuote) continue;
        else if (b === COMMA) {
          if (fields < MAX_FIELDS) starts[fields] = i + 1 - recStart;
          fields++;
        } else if (b === LF) {
          const end = i > recStart && buf[i - 1] === CR ? i - 1 : i;
          if (fields <= MAX_FIELDS) starts[fields] = end + 1 - recStart;
          if (end > recStart) this.onRecord(buf, recStart, end, fields, ok, this.carryBase + i + 1, starts);
          (recStart = i + 1), (fields = 1), (ok = true);
        } else if (b === CR) {
          if (i + 1 === len) {
            if (final) continue; // the file's last line ending
            break; // CRLF or a bare CR? Look again with the next chunk.
          }
          if (buf[i + 1] !== LF) ok = false; // COPY rejects an unquoted bare carriage return
        }
      }
      if (recStart === len || !(inQuote && (final || len - recStart > this.maxRecordBytes))) break;
      // An unbalanced quote: its record's first line is one bad record; scan again after it.
      const lf = buf.indexOf(LF, recStart);
      if (lf < 0 && !final) throw new Error(`no line break in ${len - recStart} bytes at offset ${this.carryBase + recStart}: not CSV?`);
      const next = lf < 0 ? len : lf + 1;
      this.onRecord(buf, recStart, lf < 0 ? len : lf, 0, false, this.carryBase + next, starts);
      (recStart = next), (i = next), (inQuote = false), (fields = 1), (ok = true);
    }
    if (final && recStart < len) {
      const end = buf[len - 1] === CR ? len - 1 : len;
      if (fields <= MAX_FIELDS) starts[fields] = end + 1 - recStart;
      if (end > recStart) this.onRecord(buf, recStart, end, fields, ok, this.carryBase + len, starts);
      recStart = len;
    }
    Object.assign(this, { inQuote, fields, ok });
    if (recStart === len) {
      this.carryBase += len;
      this.carry = null;
      return;
    }
    if (len - recStart > this.maxRecordBytes) {
      throw new Error(`a record of over ${this.maxRecordBytes} bytes at offset ${this.carryBase + recStart}`);
    }
    this.carryBase += recStart;
    this.scanned = i - recStart;
    this.carry = Buffer.from(buf.subarray(recStart)); // a copy: do not pin the whole chunk
  }
}

/** The header's field names (decoded, BOM stripped) and the offset where the data starts. */
export function readCsvHeader(file: string): { names: string[]; dataStart: number } {
  const fd = fs.openSync(file, 'r');
  try {
    let header: Buffer | null = null;
    let dataStart = 0;
    const splitter = new CsvRecordSplitter(0, (buf, start, end, _fields, _ok, endOffset) => {
      header ??= Buffer.from(buf.subarray(start, end));
      if (dataStart === 0) dataStart = endOffset;
    }, 1 << 20);
    const chunk = Buffer.alloc(64 << 10);
    let pos = 0;
    while (header === null) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) {
        splitter.end();
        break;
      }
      splitter.push(chunk.subarray(0, n));
      pos += n;
    }
    if (header === null) return { names: [], dataStart: pos };
    // Only the header is decoded here (data rows go to PostgreSQL as bytes): the shared CSV parser does it.
    return { names: parseCsv((header as Buffer).toString('utf8'))[0] ?? [], dataStart };
  } finally {
    fs.closeSync(fd);
  }
}
