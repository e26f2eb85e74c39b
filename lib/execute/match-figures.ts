import fs from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, visualisations, imageSha } from '../db/schema';
import type { FigureOutcome } from '../db/schema/reproduction';
import { blobPath } from '../extract/blob-store';
import { NEAR_DUPLICATE_BITS } from '../extract/compute-derivatives';
import { dhashOfImage, hammingDistance, type DHash } from '../extract/dhash';

export interface Figure {
  id: number;
  cellPosition: number;
  blobSha256: string | null;
  spec: unknown;
}

export interface FigurePair {
  cellPosition: number;
  originalVisualisationId: number | null;
  reproducedVisualisationId: number | null;
  outcome: FigureOutcome;
  distance: number | null;
}

/**
 * Pairs each cell's reproduced figures with the original's, in output order: both → same or
 * different (images by dHash, within the near-duplicate threshold on rows and columns; interactive
 * specs by their JSON), only reproduced → new, only original → missing (all of them when nothing
 * was reproduced).
 */
export async function matchFigures(db: Db, blobDir: string, originalId: number, reproducedId: number | null): Promise<FigurePair[]> {
  const [before, after] = await Promise.all([figuresOf(db, originalId), reproducedId === null ? [] : figuresOf(db, reproducedId)]);
  const cells = new Set([...before, ...after].map((f) => f.cellPosition));
  const hashes = new Map<string, DHash | null>();
  const pairs: FigurePair[] = [];
  for (const cell of [...cells].sort((a, b) => a - b)) {
    const o = before.filter((f) => f.cellPosition === cell);
    const r = after.filter((f) => f.cellPosition === cell);
    for (let i = 0; i < Math.max(o.length, r.length); i++) {
      const a = o[i];
      const b = r[i];
      if (!a || !b) {
        pairs.push({ cellPosition: cell, originalVisualisationId: a?.id ?? null, reproducedVisualisationId: b?.id ?? null, outcome: a ? 'missing' : 'new', distance: null });
        continue;
      }
      const distance = await compare(db, blobDir, hashes, a, b);
      const same = distance === null ? JSON.stringify(a.spec) === JSON.stringify(b.spec) : distance.row <= NEAR_DUPLICATE_BITS && distance.column <= NEAR_DUPLICATE_BITS;
      pairs.push({ cellPosition: cell, originalVisualisationId: a.id, reproducedVisualisationId: b.id, outcome: same ? 'same' : 'different', distance: distance ? distance.row + distance.column : null });
    }
  }
  return pairs;
}

function figuresOf(db: Db, notebookId: number): Promise<Figure[]> {
  return db
    .select({ id: visualisations.id, cellPosition: visualisations.cellPosition, blobSha256: imageSha(), spec: visualisations.spec })
    .from(visualisations)
    .where(eq(visualisations.notebookId, notebookId))
    .orderBy(asc(visualisations.cellPosition), asc(visualisations.outputIndex));
}

async function compare(db: Db, blobDir: string, cache: Map<string, DHash | null>, a: Figure, b: Figure) {
  if (!a.blobSha256 || !b.blobSha256) return null;
  if (a.blobSha256 === b.blobSha256) return { row: 0, column: 0 };
  const [ha, hb] = [await hashOf(db, blobDir, cache, a.blobSha256), await hashOf(db, blobDir, cache, b.blobSha256)];
  if (!ha || !hb) return { row: 64, column: 64 }; // an image that cannot be decoded matches nothing
  return { row: hammingDistance(ha.row, hb.row), column: hammingDistance(ha.column, hb.column) };
}

// The background derivatives may not have hashed a fresh blob yet: hash it here if so.
async function hashOf(db: Db, blobDir: string, cache: Map<string, DHash | null>, sha: string): Promise<DHash | null> {
  if (cache.has(sha)) return cache.get(sha)!;
  const [row] = await db.select({ row: blobs.dhash, column: blobs.dhashV }).from(blobs).where(eq(blobs.sha256, sha));
  let hash: DHash | null = row?.row != null && row.column != null ? { row: row.row, column: row.column } : null;
  if (!hash) hash = await dhashOfImage(fs.readFileSync(blobPath(blobDir, sha))).catch(() => null);
  cache.set(sha, hash);
  return hash;
}
