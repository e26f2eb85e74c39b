import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples, visualisations } from '../../db/schema';
import { exportCodings, type CodingScope } from '../export-codings';

export interface Disagreement {
  sampleItemId: number;
  sampleId: number;
  sampleName: string;
  visualisationId: number;
  blobSha256: string | null;
  notebookRef: string;
  cell: number;
  coders: { coder: string; codes: string[] }[]; // each submitted coder's code paths, sorted
  resolved: boolean; // a consensus coding has been recorded
}

/**
 * Items whose submitted coders chose different sets of codes, with each coder's codes. A supervisor
 * sees them all; a coder only the items assigned to them that nobody is still coding (blindness).
 */
export async function listDisagreements(db: Db, scope: CodingScope, viewer: { userId: string; manage: boolean }): Promise<Disagreement[]> {
  const rows = await exportCodings(db, scope);
  const byItem = new Map<string, { ref: string; cell: number; coders: Map<string, Set<string>>; resolved: boolean }>();
  for (const r of rows) {
    if (!byItem.has(r.item)) byItem.set(r.item, { ref: r.notebook_ref, cell: r.cell, coders: new Map(), resolved: false });
    const it = byItem.get(r.item)!;
    if (r.kind === 'consensus') {
      it.resolved = true;
      continue;
    }
    if (!it.coders.has(r.coder)) it.coders.set(r.coder, new Set());
    if (r.code_path) it.coders.get(r.coder)!.add(r.code_path);
  }
  const differ = [...byItem.entries()].filter(([, it]) => {
    const sets = [...it.coders.values()].map((s) => [...s].sort().join('\n'));
    return sets.length >= 2 && new Set(sets).size > 1;
  });
  let ids = differ.map(([item]) => Number(item));
  if (!viewer.manage && ids.length) ids = await reviewableBy(db, ids, viewer.userId);
  if (ids.length === 0) return [];
  const info = await db
    .select({ id: sampleItems.id, sampleId: samples.id, sampleName: samples.name, visualisationId: visualisations.id, blobSha256: visualisations.blobSha256 })
    .from(sampleItems)
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .where(inArray(sampleItems.id, ids))
    .orderBy(asc(sampleItems.id));
  return info.map((i) => {
    const it = byItem.get(String(i.id))!;
    return {
      sampleItemId: i.id,
      sampleId: i.sampleId,
      sampleName: i.sampleName,
      visualisationId: i.visualisationId,
      blobSha256: i.blobSha256,
      notebookRef: it.ref,
      cell: it.cell,
      coders: [...it.coders.entries()].map(([coder, codes]) => ({ coder, codes: [...codes].sort() })).sort((a, b) => a.coder.localeCompare(b.coder)),
      resolved: it.resolved,
    };
  });
}

/** Of `ids`, the items assigned to `userId` that every assigned coder has submitted (as requireItemReviewer). */
async function reviewableBy(db: Db, ids: number[], userId: string): Promise<number[]> {
  const rows = await db.select({ item: assignments.sampleItemId, userId: assignments.userId, status: assignments.status }).from(assignments).where(inArray(assignments.sampleItemId, ids));
  return ids.filter((id) => {
    const mine = rows.filter((r) => r.item === id);
    return mine.some((r) => r.userId === userId) && mine.every((r) => r.status === 'submitted');
  });
}
