import sharp from 'sharp';

type RawInfo = { raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

export interface DHash {
  row: bigint; // compares horizontally adjacent pixels
  column: bigint; // compares vertically adjacent pixels
}

/**
 * Difference hashes (dHash, Krawetz): shrink to 9×9 grey, one bit per adjacent pair, along rows
 * and along columns. Robust to rescaling and re-encoding, which is how forked notebooks' figures
 * differ. The row hash alone groups unlike charts that share a layout (measured on the corpus:
 * 98 pairs within 4 bits, half of them 15–33 bits apart by columns), so both are kept.
 * Takes raw pixels (the thumbnail's), so the original is decoded only once.
 */
export async function dhashOfRaw(pixels: Buffer, info: RawInfo): Promise<DHash> {
  const px = await sharp(pixels, info).greyscale().resize(9, 9, { fit: 'fill' }).raw().toBuffer();
  let row = 0n;
  let column = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      row = (row << 1n) | (px[y * 9 + x] > px[y * 9 + x + 1] ? 1n : 0n);
      column = (column << 1n) | (px[y * 9 + x] > px[(y + 1) * 9 + x] ? 1n : 0n);
    }
  }
  // Stored in signed bigint columns.
  return { row: BigInt.asIntN(64, row), column: BigInt.asIntN(64, column) };
}

export function isNearDuplicate(a: DHash, b: DHash, maxBits: number): boolean {
  return hammingDistance(a.row, b.row) <= maxBits && hammingDistance(a.column, b.column) <= maxBits;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/** The dHash of a stored image blob (decoded once, flattened on white like the thumbnails). */
export async function dhashOfImage(bytes: Uint8Array): Promise<DHash> {
  const { data, info } = await sharp(bytes, { limitInputPixels: 100_000_000 }).flatten({ background: '#ffffff' }).resize({ width: 360, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  return dhashOfRaw(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
}
