import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { asc, eq } from 'drizzle-orm';
import { blobs, visualisations } from '../../lib/db/schema';
import { blobPath, thumbnailPath } from '../../lib/extract/blob-store';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { renderFigures } from '../../lib/render/render-figures';
import { launchRenderer, type FigureRenderer } from '../../lib/render/renderer';
import { createCode } from '../../lib/coding/codebook/create-code';
import { exportQdpx } from '../../lib/refi/export-qdpx';
import { guidFor } from '../../lib/refi/guid';
import { createTestStore, type TestStore } from '../helpers/db';
import { makeSample, makeStudy, submitCoding } from '../helpers/codebook-fixture';
import { figureNotebook } from '../helpers/figure-notebook';
import { hasChromium } from '../helpers/system';

describe.runIf(hasChromium())('interactive figures drawn to PNGs in the background', () => {
  let store: TestStore;
  let renderer: FigureRenderer;
  let spy: http.Server;
  const spyHits: string[] = [];
  let ids: Record<'plotly' | 'vega' | 'bokeh' | 'broken', number>;

  beforeAll(async () => {
    store = await createTestStore();
    // A server the plotly figure points an image at: the render must never reach it.
    spy = http.createServer((req, res) => (spyHits.push(req.url ?? ''), res.end('x')));
    await new Promise<void>((r) => spy.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;
    const r = await importNotebook(store.db, { file: 'figures.ipynb', bytes: figureNotebook(url), blobDir: store.blobDir });
    expect(r.status).toBe('imported');
    const rows = await store.db.select({ id: visualisations.id, kind: visualisations.kind }).from(visualisations).orderBy(asc(visualisations.cellPosition));
    expect(rows.map((v) => v.kind)).toEqual(['plotly', 'vega-lite', 'bokeh', 'plotly']);
    ids = { plotly: rows[0].id, vega: rows[1].id, bokeh: rows[2].id, broken: rows[3].id };
    // Generous: the test machine is shared and busy; the product’s default is 60 s.
    renderer = await launchRenderer({ timeoutMs: 90_000 });
    const progress = await renderFigures(store.db, store.blobDir, async () => renderer);
    expect(progress).toEqual({ rendered: 3, failed: 1 });
    await computeDerivatives(store.db, store.blobDir);
  }, 400_000);
  afterAll(async () => {
    await renderer?.close();
    spy?.close();
    await store?.close();
  });

  it.each(['plotly', 'vega', 'bokeh'] as const)('%s: a PNG of plausible size, not blank, with a thumbnail and a dHash', async (which) => {
    const [v] = await store.db.select().from(visualisations).where(eq(visualisations.id, ids[which]));
    expect(v.renderError).toBeNull();
    expect(v.blobSha256).toBeNull(); // the notebook had no image of its own
    expect(v.renderedSha256).toMatch(/^[0-9a-f]{64}$/);
    const [blob] = await store.db.select().from(blobs).where(eq(blobs.sha256, v.renderedSha256!));
    expect(blob.mime).toBe('image/png');
    expect(blob.width).toBeGreaterThan(80); // vega-lite: 3 bars at its default 20 px step
    expect(blob.height).toBeGreaterThan(80);
    expect(blob.width).toBeLessThanOrEqual(1300);
    const png = fs.readFileSync(blobPath(store.blobDir, blob.sha256));
    expect(png.length).toBeGreaterThan(2000);
    // Not blank: the bars' colour is far from the white/grey background in at least one channel.
    const stats = await sharp(png).stats();
    expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.max - c.min))).toBeGreaterThan(100);
    expect(stats.isOpaque).toBe(true);
    expect(blob.thumbnailAt).not.toBeNull();
    expect(blob.derivativeError).toBeNull();
    expect(blob.dhash).not.toBeNull();
    expect(fs.existsSync(thumbnailPath(store.blobDir, blob.sha256))).toBe(true);
  });

  it('records why a figure could not be drawn, and leaves it without an image', async () => {
    const [v] = await store.db.select().from(visualisations).where(eq(visualisations.id, ids.broken));
    expect(v.renderedSha256).toBeNull();
    expect(v.renderedAt).not.toBeNull();
    expect(v.renderError).toBe('plotly figure without a data array');
  });

  it('fetched nothing from the network', () => {
    expect(spyHits).toEqual([]);
    expect(renderer.refused).toEqual([]);
  });

  it('does not draw a figure twice', async () => {
    expect(await renderFigures(store.db, store.blobDir, async () => renderer)).toEqual({ rendered: 0, failed: 0 });
  });

  it('exports the coded plotly figure in the .qdpx as a picture (its rendered PNG)', async () => {
    const studyId = await makeStudy(store.db, 'Plotly in QDA');
    const [item] = await makeSample(store.db, studyId, [ids.plotly]);
    const code = await createCode(store.db, 'sup-1', studyId, { name: 'Bar chart' });
    await submitCoding(store.db, item, 'ana', new Date(), [{ codeId: code.id, region: { x: 0.1, y: 0.2, w: 0.5, h: 0.5 } }]);
    const out = await exportQdpx(store.db, store.blobDir, studyId);
    expect(out).toMatchObject({ sources: 1, codings: 1, skippedWithoutImage: 0, missingImages: 0 });
    const zip = unzipSync(out.bytes);
    const name = `Sources/${guidFor('source', ids.plotly)}.png`;
    const [v] = await store.db.select({ sha: visualisations.renderedSha256 }).from(visualisations).where(eq(visualisations.id, ids.plotly));
    expect(Buffer.from(zip[name]).equals(fs.readFileSync(blobPath(store.blobDir, v.sha!)))).toBe(true);
    const qde = Buffer.from(zip['project.qde']).toString('utf8');
    expect(qde).toContain(`<PictureSource guid="${guidFor('source', ids.plotly)}"`);
    expect(qde).toMatch(/<PictureSelection [^>]*firstX="\d+"/);
  });
});
