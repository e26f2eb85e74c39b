import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { formatMb, type ZipLimits } from './limits';

export type ZipEntry = yauzl.Entry;

/** An entry refused because it (or the archive so far) would inflate past a cap. */
export class ZipTooLargeError extends Error {
  readonly code = 'too-large';
}

/**
 * A zip read as a stream with yauzl: the central directory is listed, and only the entries asked for
 * are inflated, one at a time, never past the caps. Files over 2 GiB work (no readFileSync), and a zip
 * bomb costs at most one entry's cap. yauzl also checks each entry's inflated size against its header.
 */
export class ZipReader {
  private total = 0; // inflated bytes handed out so far, for the archive's cap

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly limits: ZipLimits,
    private readonly shared?: ZipReader, // a nested zip counts towards its outer archive's total
  ) {}

  static open(file: string, limits: ZipLimits): Promise<ZipReader> {
    return new Promise((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(new ZipReader(zip, limits)))),
    );
  }

  /** A zip held in memory (an upload, or a zip inside a zip, whose caps it shares). */
  static fromBuffer(bytes: Buffer, limits: ZipLimits, outer?: ZipReader): Promise<ZipReader> {
    return new Promise((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => (err ? reject(err) : resolve(new ZipReader(zip, limits, outer)))),
    );
  }

  /** Every entry, in the archive's order; the file is closed when the loop ends, however it ends. */
  async *entries(): AsyncGenerator<ZipEntry> {
    try {
      for (let e = await this.next(); e; e = await this.next()) yield e;
    } finally {
      this.zip.close();
    }
  }

  /** The entry's inflated bytes; throws ZipTooLargeError, before inflating, when a cap would be passed. */
  async read(entry: ZipEntry): Promise<Buffer> {
    this.reserve(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Writes the entry to `target`, streaming. */
  async extract(entry: ZipEntry, target: string): Promise<void> {
    this.reserve(entry);
    await pipeline(await this.stream(entry), fs.createWriteStream(target));
  }

  // The header's size is what yauzl holds the stream to (validateEntrySizes), so checking it is enough.
  private reserve(entry: ZipEntry): void {
    const size = entry.uncompressedSize;
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    if (size > maxEntryBytes) {
      throw new ZipTooLargeError(`${entry.fileName} inflates to ${formatMb(size)}, over the ${formatMb(maxEntryBytes)} allowed for one entry`);
    }
    const root = this.shared ?? this;
    if (root.total + size > maxTotalBytes) {
      throw new ZipTooLargeError(`${entry.fileName} (${formatMb(size)}) would take the archive past the ${formatMb(maxTotalBytes)} allowed in all`);
    }
    root.total += size;
  }

  private stream(entry: ZipEntry): Promise<NodeJS.ReadableStream> {
    return new Promise((resolve, reject) => this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
  }

  private next(): Promise<ZipEntry | null> {
    const zip = this.zip;
    return new Promise((resolve, reject) => {
      const done = () => (zip.off('entry', onEntry), zip.off('end', onEnd), zip.off('error', onError));
      const onEntry = (e: ZipEntry) => (done(), resolve(e));
      const onEnd = () => (done(), resolve(null));
      const onError = (err: Error) => (done(), reject(err));
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
  }
}
