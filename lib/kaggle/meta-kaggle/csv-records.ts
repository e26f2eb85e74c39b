import fs from 'node:fs';

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
 * A record longer than `maxRecordBytes` (an unbalanced quote swallowing the file) is reported as one bad
 * record and reading resumes at the next line, so memory stays bounded.
 */
export class CsvRecordSplitter {
  private carry: Buffer | null = null; // bytes of the record in progress, from its first byte
  private carryBase: number; // absolute offset of carry[0] (or of the next chunk when there is no carry)
  private scanned = 0; // bytes of carry already scanned
  private inQuote = false;
  private fields = 1;
  private ok = true;
  private skipping = false; // after an oversized record: ignore everything up to the next line feed
  private readonly starts = new Int32Array(MAX_FIELDS + 1); // field starts, relative to the record's start

  constructor(
    startOffset: number,
    private readonly onRecord: OnRecord,
    private readonly maxRecordBytes = 8 << 20,
  ) {
    this.carryBase = startOffset;
  }

  push(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const len = buf.length;
    let recStart = 0;
    let i = this.carry ? this.scanned : 0;
    let { inQuote, fields, ok, skipping } = this;
    const starts = this.starts;
    for (; i < len; i++) {
      const b = buf[i];
      if (skipping) {
        if (b !== LF) continue;
        // The oversized record ends here: report it as bad with a resume point past it.
        this.onRecord(buf, i, i, 0, false, this.carryBase + i + 1, starts);
        (skipping = false), (recStart = i + 1), (inQuote = false), (fields = 1), (ok = true);
      } else if (b === QUOTE) inQuote = !inQuote;
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
        if (i + 1 === len) break; // cannot tell CRLF from a bare CR yet: look again with the next chunk
        if (buf[i + 1] !== LF) ok = false; // COPY rejects an unquoted bare carriage return
      }
    }
    Object.assign(this, { inQuote, fields, ok, skipping });
    if (skipping || recStart === len) {
      this.carryBase += len; // nothing to keep
      this.carry = null;
    } else if (len - recStart > this.maxRecordBytes) {
      this.carryBase += len;
      this.carry = null;
      Object.assign(this, { skipping: true, inQuote: false, fields: 1, ok: true });
    } else {
      this.carryBase += recStart;
      this.scanned = i - recStart;
      this.carry = Buffer.from(buf.subarray(recStart)); // a copy: do not pin the whole chunk
    }
  }

  /** The last record, when the file does not end with a line feed. */
  end(): void {
    const buf = this.carry;
    if (this.skipping) this.onRecord(Buffer.alloc(0), 0, 0, 0, false, this.carryBase, this.starts);
    if (!buf || this.skipping) return;
    const end = buf[buf.length - 1] === CR ? buf.length - 1 : buf.length;
    // An unclosed quote at end of file would make COPY fail: report the record as bad instead.
    if (this.fields <= MAX_FIELDS) this.starts[this.fields] = end + 1;
    if (end > 0) this.onRecord(buf, 0, end, this.fields, this.ok && !this.inQuote, this.carryBase + buf.length, this.starts);
    this.carry = null;
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
    return { names: decodeCsvFields((header as Buffer).toString('utf8').replace(/^\uFEFF/, '')), dataStart };
  } finally {
    fs.closeSync(fd);
  }
}

/** Decodes one CSV record's fields (header only: data rows are decoded by PostgreSQL). */
export function decodeCsvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') (cur += '"'), i++;
      else quoted = !quoted;
    } else if (ch === ',' && !quoted) out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}
