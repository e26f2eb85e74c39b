import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { dhashOfImage, dhashOfRaw, hammingDistance, isNearDuplicate } from './dhash';
import { NEAR_DUPLICATE_BITS } from './compute-derivatives';

// A bar chart as matplotlib would draw it: white page, axes, bars.
async function chart(width: number, bars: number[], format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const h = Math.round(width * 0.6);
  const step = (width - 40) / bars.length;
  const rects = bars.map((b, i) => `<rect x="${40 + i * step + 4}" y="${h - 20 - b * (h - 40)}" width="${step - 8}" height="${b * (h - 40)}" fill="#1f77b4"/>`).join('');
  const axes = `<path d="M40 20 V${h - 20} H${width - 10}" stroke="#000" fill="none"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}"><rect width="100%" height="100%" fill="#fff"/>${axes}${rects}</svg>`;
  const img = sharp(Buffer.from(svg));
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 75 }).toBuffer();
}

describe('dHash', () => {
  it('sets a row bit where a cell is brighter than its right neighbour and a column bit where brighter than the one below', () => {
    // 90 × 90 grey, bright on the left, dark on the right, the same down each column.
    const px = Buffer.alloc(90 * 90);
    for (let y = 0; y < 90; y++) for (let x = 0; x < 90; x++) px[y * 90 + x] = 250 - x * 2;
    const h = dhashOfRaw(px, { raw: { width: 90, height: 90, channels: 1 } });
    expect(BigInt.asUintN(64, h.row)).toBe(2n ** 64n - 1n);
    expect(h.column).toBe(0n);
  });

  it('hashes images smaller than its 9 × 9 grid', () => {
    const px = Buffer.from([0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255]); // 2 × 2 RGB: black, white / black, white
    const h = dhashOfRaw(px, { raw: { width: 2, height: 2, channels: 3 } });
    // Left half black, right half white: no cell is brighter than its right neighbour or the one below.
    expect(h).toEqual({ row: 0n, column: 0n });
  });

  it('keeps a figure re-rendered at another size and saved as JPEG within the near-duplicate threshold, and a different figure out', async () => {
    const original = await dhashOfImage(await chart(800, [0.2, 0.9, 0.5, 0.7, 0.3]));
    const fork = await dhashOfImage(await chart(560, [0.2, 0.9, 0.5, 0.7, 0.3], 'jpeg'));
    const other = await dhashOfImage(await chart(800, [0.9, 0.1, 0.8, 0.2, 0.6]));
    expect(isNearDuplicate(original, fork, NEAR_DUPLICATE_BITS)).toBe(true);
    expect(isNearDuplicate(original, other, NEAR_DUPLICATE_BITS)).toBe(false);
    expect(hammingDistance(original.row, other.row) + hammingDistance(original.column, other.column)).toBeGreaterThan(2 * NEAR_DUPLICATE_BITS);
  });

  it('hashes an image with transparency as it looks on white', async () => {
    const svg = (bg: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">${bg}<circle cx="80" cy="100" r="60" fill="#d62728"/><rect x="180" y="40" width="80" height="120" fill="#2ca02c"/></svg>`);
    const transparent = await dhashOfImage(await sharp(svg('')).png().toBuffer());
    const onWhite = await dhashOfImage(await sharp(svg('<rect width="100%" height="100%" fill="#fff"/>')).png().toBuffer());
    expect(transparent).toEqual(onWhite);
  });
});
