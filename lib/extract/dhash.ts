import { openImage, thumbnailPixels, type RawInfo } from './thumbnail-pixels';

export interface DHash {
  row: bigint; // compares horizontally adjacent pixels
  column: bigint; // compares vertically adjacent pixels
}

/**
 * dHash version 2 (drizzle/0024_dhash-v2.sql): hashes of another computation cannot be compared with the
 * stored ones, so a change here goes with a migration that clears the stored derivatives (version 1
 * shrank with sharp).
 *
 * Difference hashes (dHash, Krawetz): shrink to 9×9 grey, one bit per adjacent pair, along rows
 * and along columns. Robust to rescaling and re-encoding, which is how forked notebooks' figures
 * differ. The row hash alone groups unlike charts that share a layout (measured on the corpus:
 * 98 pairs within 4 bits, half of them 15–33 bits apart by columns), so both are kept.
 * Takes raw pixels (the thumbnail's), so the original is decoded only once. The shrink is a box
 * average in JavaScript (Rec. 601 luma): a second sharp pipeline for 81 pixels cost ~2 ms of CPU
 * per image, a sixth of the derivative pass; this loop costs ~0.2 ms.
 */
export function dhashOfRaw(pixels: Uint8Array, info: RawInfo): DHash {
  const grey = shrinkToGrey9(pixels, info.raw);
  let row = 0n;
  let column = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      row = (row << 1n) | (grey[y * 9 + x] > grey[y * 9 + x + 1] ? 1n : 0n);
      column = (column << 1n) | (grey[y * 9 + x] > grey[(y + 1) * 9 + x] ? 1n : 0n);
    }
  }
  // Stored in signed bigint columns.
  return { row: BigInt.asIntN(64, row), column: BigInt.asIntN(64, column) };
}

/** Mean luma of each cell of a 9×9 grid; an image narrower than 9 px repeats its pixels. */
function shrinkToGrey9(px: Uint8Array, { width, height, channels }: RawInfo['raw']): Float64Array {
  const colour = channels >= 3;
  const sum = new Float64Array(81);
  const count = new Float64Array(81);
  for (let cy = 0; cy < 9; cy++) {
    const [y0, y1] = span(cy, height);
    for (let cx = 0; cx < 9; cx++) {
      const [x0, x1] = span(cx, width);
      let s = 0;
      for (let y = y0; y < y1; y++) {
        let i = (y * width + x0) * channels;
        for (let x = x0; x < x1; x++, i += channels) s += colour ? 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2] : px[i];
      }
      sum[cy * 9 + cx] = s;
      count[cy * 9 + cx] = (y1 - y0) * (x1 - x0);
    }
  }
  // Whole grey levels, as an 8-bit image would hold: cells that differ by a fraction (a white margin
  // beside a white margin) compare equal instead of flipping with every re-encoding.
  return sum.map((s, i) => Math.round(s / count[i]));
}

/** The pixels [from, to) of cell `cell` of 9 along a side of `size` pixels (at least one). */
function span(cell: number, size: number): [number, number] {
  const from = Math.floor((cell * size) / 9);
  return [from, Math.max(from + 1, Math.floor(((cell + 1) * size) / 9))];
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

/** The dHash of a stored image blob, from the same pixels as the derivative pass hashes (its thumbnail's). */
export async function dhashOfImage(bytes: Uint8Array): Promise<DHash> {
  const { data, raw } = await thumbnailPixels(openImage(bytes));
  return dhashOfRaw(data, raw);
}
