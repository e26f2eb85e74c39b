import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { assignments, codings, samples, sampleItems, studies, visualisations } from '../../lib/db/schema';
import { importNotebook } from '../../lib/ingest/import-notebook';

/** A study row, as the studies engineer's code would create it. */
export async function makeStudy(db: Db, name = 'Test study', createdBy = 'sup-1'): Promise<number> {
  const [s] = await db.insert(studies).values({ name, createdBy }).returning();
  return s.id;
}

/** A PNG of the given size (a coloured rectangle), base64 as notebooks carry it. */
export async function pngBase64(width: number, height: number, colour = '#36c'): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64');
}

/**
 * Imports one notebook whose code cells each output one figure: PNG images of the given sizes, and
 * `plotly` extra plotly-only figures (no image). Returns the visualisation ids in cell order.
 */
export async function importFigures(db: Db, blobDir: string, sizes: Array<[number, number]>, opts: { plotly?: number; name?: string } = {}): Promise<number[]> {
  const cells = [];
  for (const [i, [w, h]] of sizes.entries()) {
    const png = await pngBase64(w, h, `#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`);
    cells.push({ cell_type: 'code', metadata: {}, execution_count: i + 1, source: `plot(${i})`, outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': png, 'text/plain': '<Figure>' } }] });
  }
  for (let i = 0; i < (opts.plotly ?? 0); i++) {
    const fig = { data: [{ type: 'bar', x: [1, 2], y: [i, 2] }], layout: {} };
    cells.push({ cell_type: 'code', metadata: {}, execution_count: 100 + i, source: `px.bar(${i})`, outputs: [{ output_type: 'display_data', metadata: {}, data: { 'application/vnd.plotly.v1+json': fig, 'text/plain': 'Figure' } }] });
  }
  const nb = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells };
  const r = await importNotebook(db, { file: `${opts.name ?? 'figures'}.ipynb`, bytes: Buffer.from(JSON.stringify(nb)), blobDir });
  if (r.status !== 'imported') throw new Error(`fixture notebook not imported: ${JSON.stringify(r)}`);
  const rows = await db.select({ id: visualisations.id }).from(visualisations).where(eq(visualisations.notebookId, r.notebookId!)).orderBy(visualisations.cellPosition);
  return rows.map((r) => r.id);
}

/** A sample of the given visualisations; returns the sample item ids in the same order. */
export async function makeSample(db: Db, studyId: number, visIds: number[]): Promise<number[]> {
  const [sample] = await db.insert(samples).values({ studyId, name: 'sample', definition: {}, createdBy: 'sup-1' }).returning();
  const items = await db
    .insert(sampleItems)
    .values(visIds.map((visualisationId, position) => ({ sampleId: sample.id, visualisationId, position })))
    .returning();
  return items.map((i) => i.id);
}

/** One coder's submitted assignment of an item with the given codes (and regions). */
export async function submitCoding(
  db: Db,
  itemId: number,
  userId: string,
  submittedAt: Date | null,
  codeIds: Array<number | { codeId: number; region?: { x: number; y: number; w: number; h: number } | null; memo?: string }>,
): Promise<number[]> {
  await db
    .insert(assignments)
    .values({ sampleItemId: itemId, userId, position: 0, status: submittedAt ? 'submitted' : 'pending', submittedAt })
    .onConflictDoNothing();
  if (codeIds.length === 0) return [];
  const rows = await db
    .insert(codings)
    .values(codeIds.map((c) => (typeof c === 'number' ? { sampleItemId: itemId, userId, codeId: c } : { sampleItemId: itemId, userId, codeId: c.codeId, region: c.region ?? null, memo: c.memo ?? '' })))
    .returning();
  return rows.map((r) => r.id);
}
