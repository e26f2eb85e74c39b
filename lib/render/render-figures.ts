import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, cells, visualisations } from '../db/schema';
import { blobStoreOf, sha256Hex, type BlobStore } from '../blobs';
import { imageSize } from '../extract/image-size';
import { figureSource } from './figure-source';
import type { FigureRenderer } from './renderer';

export interface RenderProgress {
  rendered: number;
  failed: number;
}

/**
 * Draws every interactive or HTML figure that has no image of its own to a PNG, stores it in the
 * blob store (its thumbnail and dHash then come from computeDerivatives like any image) and links it
 * as `visualisations.rendered_sha256`. A figure that fails keeps its placeholder and records why in
 * `render_error`; it is not tried again. Rows are claimed with SKIP LOCKED, so workers share the work.
 * Background work only: it drives a browser.
 */
export async function renderFigures(
  db: Db,
  blobDir: string | BlobStore,
  renderer: () => Promise<FigureRenderer>,
  opts: { batch?: number; concurrency?: number; limit?: number; onProgress?: (p: RenderProgress) => void } = {},
): Promise<RenderProgress> {
  const progress: RenderProgress = { rendered: 0, failed: 0 };
  const store = blobStoreOf(db, blobDir);
  // `limit` figures per call (then the caller does other work, e.g. thumbnails, and calls again).
  while (progress.rendered + progress.failed < (opts.limit ?? Infinity)) {
    const n = await db.transaction(async (tx) => {
      const pending = await tx
        .select({ id: visualisations.id, kind: visualisations.kind, spec: visualisations.spec, cellId: visualisations.cellId, outputIndex: visualisations.outputIndex })
        .from(visualisations)
        .where(and(isNull(visualisations.renderedAt), isNull(visualisations.blobSha256), ne(visualisations.kind, 'image')))
        .orderBy(asc(visualisations.id))
        .limit(opts.batch ?? 4)
        .for('update', { skipLocked: true });
      if (pending.length === 0) return 0;
      const browser = await renderer();
      const results = await mapLimit(pending, opts.concurrency ?? 2, async (v) => {
        try {
          const source = figureSource(v.kind, v.spec, v.kind === 'bokeh' ? await outputData(tx as unknown as Db, v.cellId, v.outputIndex) : null);
          const png = await browser.render(source);
          const sha256 = sha256Hex(png);
          await store.put(sha256, png, 'image/png');
          return { id: v.id, sha256, png, error: null };
        } catch (e) {
          return { id: v.id, sha256: null, png: null, error: (e as Error).message.split('\n')[0].slice(0, 500) };
        }
      });
      for (const r of results) {
        if (r.sha256 && r.png) {
          const size = imageSize('image/png', r.png);
          await tx.insert(blobs).values({ sha256: r.sha256, mime: 'image/png', bytes: r.png.length, width: size?.width, height: size?.height }).onConflictDoNothing();
        }
        await tx.update(visualisations).set({ renderedSha256: r.sha256, renderedAt: new Date(), renderError: r.error }).where(eq(visualisations.id, r.id));
        if (r.sha256) progress.rendered++;
        else progress.failed++;
      }
      return pending.length;
    });
    if (n === 0) return progress;
    opts.onProgress?.(progress);
  }
  return progress;
}

// Bokeh figures stored before their document was extracted: it is in the output's script.
async function outputData(db: Db, cellId: number, outputIndex: number): Promise<Record<string, unknown> | null> {
  const [cell] = await db.select({ outputs: cells.outputs }).from(cells).where(eq(cells.id, cellId));
  const output = cell?.outputs[outputIndex] as { data?: Record<string, unknown> } | undefined;
  return output?.data ?? null;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
