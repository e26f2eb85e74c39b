import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, notebooks, sampleItems, samples, visualisations, imageSha } from '../../db/schema';
import { exportCodings, type CodingScope } from '../export-codings';
import { reviewRefusal } from '../consensus/require-item-reviewer';
import { codeSetsByItem, distinctCodeSets } from './code-sets';

export interface Disagreement {
  sampleItemId: number;
  sampleId: number;
  sampleName: string;
  visualisationId: number;
  blobSha256: string | null;
  notebookTitle: string;
  notebookRef: string;
  cell: number;
  coders: { coder: string; codes: string[] }[]; // each submitted coder's code paths, sorted
  resolved: boolean; // a consensus coding has been recorded
}

/**
 * Items whose submitted coders chose different sets of codes, with each coder's codes: those the
 * viewer may review (requireItemReviewer's rule — a supervisor sees all but the items they are still
 * coding themselves; a coder only the items assigned to them that nobody is still coding).
 */
export async function listDisagreements(db: Db, scope: CodingScope, viewer: { userId: string; manage: boolean }): Promise<Disagreement[]> {
  const byItem = codeSetsByItem(await exportCodings(db, scope));
  const differ = [...byItem.entries()].filter(([, it]) => it.coders.size >= 2 && distinctCodeSets(it) > 1);
  let ids = differ.map(([item]) => Number(item));
  if (ids.length) ids = await reviewableBy(db, ids, viewer);
  if (ids.length === 0) return [];
  const info = await db
    .select({ id: sampleItems.id, sampleId: samples.id, sampleName: samples.name, visualisationId: visualisations.id, blobSha256: imageSha(), notebookTitle: notebooks.title })
    .from(sampleItems)
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
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
      notebookTitle: i.notebookTitle,
      notebookRef: it.first.notebook_ref,
      cell: it.first.cell,
      coders: [...it.coders.entries()].map(([coder, codes]) => ({ coder, codes: [...codes].sort() })).sort((a, b) => a.coder.localeCompare(b.coder)),
      resolved: it.consensus,
    };
  });
}

/** Of `ids`, the items `viewer` may review (the rule of requireItemReviewer). */
async function reviewableBy(db: Db, ids: number[], viewer: { userId: string; manage: boolean }): Promise<number[]> {
  const rows = await db.select({ item: assignments.sampleItemId, userId: assignments.userId, status: assignments.status }).from(assignments).where(inArray(assignments.sampleItemId, ids));
  return ids.filter((id) => reviewRefusal(rows.filter((r) => r.item === id), viewer) === null);
}
