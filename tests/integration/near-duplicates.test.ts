import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import { dhashOfImage } from '../../lib/extract/dhash';
import { rawSql } from '../../lib/db/client';
import { blobs, visualisations } from '../../lib/db/schema';
import { createTestStore, type TestStore } from '../helpers/db';

// A figure, the same figure re-rendered at another size (as a fork would), and a different one.
async function chart(width: number, bars: number[]): Promise<string> {
  const h = Math.round(width * 0.6);
  const step = width / bars.length;
  const rects = bars.map((b, i) => `<rect x="${i * step + 4}" y="${h - b * h}" width="${step - 8}" height="${b * h}" fill="#36c"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}"><rect width="100%" height="100%" fill="#fff"/>${rects}</svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64');
}

function notebookWith(png: string, title: string) {
  return Buffer.from(
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: `# ${title}` },
        {
          cell_type: 'code',
          metadata: {},
          execution_count: 1,
          source: 'plt.bar(x, y)',
          outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': png, 'text/plain': '<Figure>' } }],
        },
      ],
    }),
  );
}

describe('near-duplicate figures', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => store?.close());

  it('groups a re-rendered figure with its original and keeps a different one apart', async () => {
    const a = await chart(640, [0.2, 0.9, 0.5, 0.7]);
    const b = await chart(480, [0.2, 0.9, 0.5, 0.7]);
    const c = await chart(640, [0.9, 0.1, 0.8, 0.2]);
    const ids: number[] = [];
    for (const [png, t] of [[a, 'original'], [b, 'fork'], [c, 'other']]) {
      const r = await importNotebook(store.db, { file: `${t}.ipynb`, bytes: notebookWith(png, t), blobDir: store.blobDir });
      expect(r.status).toBe('imported');
      ids.push(r.notebookId!);
    }
    expect(await computeDerivatives(store.db, store.blobDir)).toBe(3);
    const groupOf = async (notebookId: number) => {
      const [row] = await store.db
        .select({ group: blobs.dupGroup, width: blobs.width })
        .from(visualisations)
        .innerJoin(blobs, eq(blobs.sha256, visualisations.blobSha256))
        .where(eq(visualisations.notebookId, notebookId));
      return row;
    };
    const [ga, gb, gc] = await Promise.all(ids.map(groupOf));
    expect(ga.width).toBe(640);
    expect(gb.width).toBe(480);
    expect(gb.group).toBe(ga.group);
    expect(gc.group).not.toBe(ga.group);

    // Hashes stored by dHash version 1 (here: one group for all three, as unrelated hashes could give)
    // are forgotten by the migration and computed again by the next derivative pass.
    await store.db.update(blobs).set({ dhash: 1n, dhashV: 1n, dupGroup: 'v1' });
    await rawSql(store.db).unsafe(fs.readFileSync(new URL('../../drizzle/0024_dhash-v2.sql', import.meta.url), 'utf8'));
    expect(await computeDerivatives(store.db, store.blobDir)).toBe(3);
    const [ra, rb, rc] = await Promise.all(ids.map(groupOf));
    expect(rb.group).toBe(ra.group);
    expect(rc.group).not.toBe(ra.group);
    const stored = await store.db.select({ row: blobs.dhash, column: blobs.dhashV }).from(blobs).where(eq(blobs.width, 640));
    const expected = await Promise.all([a, c].map((png) => dhashOfImage(Buffer.from(png, 'base64'))));
    expect(stored.sort((x, y) => Number(x.row! - y.row!))).toEqual(expected.sort((x, y) => Number(x.row - y.row)));
  });
});
