import fs from 'node:fs';
import zlib from 'node:zlib';

/** A zip entry: bytes as given, or `zeros` bytes of zeros, stored or deflated (a zip bomb). */
export type BigZipEntry = { name: string; data: Buffer } | { name: string; zeros: number; deflate?: boolean };

const CHUNK = Buffer.alloc(16 << 20);

/**
 * Writes a zip (no zip64: under 4 GiB) fast enough for a test: stored zeros become a hole in a sparse
 * file, so a 2.5 GB archive costs a CRC pass, not 2.5 GB of writes. yazl would compute CRCs in JS.
 */
export async function writeBigZip(file: string, entries: BigZipEntry[]): Promise<void> {
  const fd = fs.openSync(file, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  const write = (b: Buffer) => {
    fs.writeSync(fd, b, 0, b.length, offset);
    offset += b.length;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = 'data' in e ? e.data.length : e.zeros;
    const crc = 'data' in e ? zlib.crc32(e.data) : zerosCrc(e.zeros);
    const method = 'zeros' in e && e.deflate ? 8 : 0;
    const headerAt = offset;
    const local = header(0x04034b50, 30, name, { method, crc, size });
    write(local);
    let compressed = size;
    if ('data' in e) write(e.data);
    else if (method === 0) offset += size; // a hole: the file is sparse
    else compressed = await deflateZeros(e.zeros, write);
    if (compressed !== size) {
      local.writeUInt32LE(compressed, 18);
      fs.writeSync(fd, local, 0, local.length, headerAt);
    }
    const cd = header(0x02014b50, 46, name, { method, crc, size, compressed, headerAt });
    central.push(cd);
  }
  const cdAt = offset;
  for (const cd of central) write(cd);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdAt, 12);
  end.writeUInt32LE(cdAt, 16);
  write(end);
  fs.ftruncateSync(fd, offset);
  fs.closeSync(fd);
}

function header(sig: number, fixed: number, name: Buffer, f: { method: number; crc: number; size: number; compressed?: number; headerAt?: number }): Buffer {
  const b = Buffer.alloc(fixed + name.length);
  b.writeUInt32LE(sig, 0);
  const central = sig === 0x02014b50;
  let p = 4;
  if (central) (b.writeUInt16LE(20, p), (p += 2)); // version made by
  b.writeUInt16LE(20, p); // version needed
  b.writeUInt16LE(0x0800, p + 2); // UTF-8 names
  b.writeUInt16LE(f.method, p + 4);
  b.writeUInt16LE(0, p + 6); // time
  b.writeUInt16LE(0x21, p + 8); // date 1980-01-01
  b.writeUInt32LE(f.crc >>> 0, p + 10);
  b.writeUInt32LE(f.compressed ?? f.size, p + 14);
  b.writeUInt32LE(f.size, p + 18);
  b.writeUInt16LE(name.length, p + 22);
  if (central) b.writeUInt32LE(f.headerAt ?? 0, 42);
  name.copy(b, fixed);
  return b;
}

function zerosCrc(n: number): number {
  let crc = 0;
  for (let left = n; left > 0; left -= CHUNK.length) crc = zlib.crc32(CHUNK.subarray(0, Math.min(left, CHUNK.length)), crc);
  return crc;
}

async function deflateZeros(n: number, write: (b: Buffer) => void): Promise<number> {
  const d = zlib.createDeflateRaw({ level: 1 });
  let out = 0;
  d.on('data', (c: Buffer) => ((out += c.length), write(c)));
  const done = new Promise((resolve, reject) => d.on('end', resolve).on('error', reject));
  for (let left = n; left > 0; left -= CHUNK.length) {
    if (!d.write(CHUNK.subarray(0, Math.min(left, CHUNK.length)))) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return out;
}

/** Peak resident memory of a child process, in MB: tests/helpers/report-max-rss.mjs prints it on stderr. */
export function maxRssMb(stderr: string): number {
  const m = /max-rss-kb: (\d+)/.exec(stderr);
  if (!m) throw new Error(`the child did not report its peak memory: ${stderr.slice(-500)}`);
  return Number(m[1]) / 1024;
}
