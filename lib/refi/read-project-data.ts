import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assignments, blobs, codings, consensusCodings, notebooks, sampleItems, samples, studies, studyMembers, users, visualisations, type Region, imageSha } from '../db/schema';
import { AppError } from '../errors';
import { listCodes } from '../coding/codebook/get-codebook';
import type { CodeSnapshot } from '../coding/codebook/snapshot';
import { notebookRefOf } from '../browse/identity';
import { cellLabel } from '../notebooks/cell-label';

export interface ProjectCoding {
  id: number;
  consensus: boolean;
  userId: string; // the coder, or the supervisor who decided a consensus coding
  codeId: number;
  region: Region | null;
  memo: string;
  createdAt: Date;
}

export interface ProjectSource {
  visualisationId: number;
  name: string;
  sha256: string;
  mime: string;
  width: number;
  height: number;
  codings: ProjectCoding[];
  memos: Array<{ userId: string; memo: string; at: Date }>; // the coders' memos on the item
}

export interface ProjectData {
  study: { id: number; name: string; description: string; createdBy: string; createdAt: Date };
  codes: CodeSnapshot[];
  userIds: string[];
  /** Account names by id (accounts deleted since are named by their id). */
  userNames: Map<string, string>;
  sources: ProjectSource[];
  /** Coded visualisations without a stored image (plotly, HTML…), left out of the project. */
  skippedWithoutImage: number;
}

const PICTURE_MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml', 'image/webp']);

/**
 * What a study's REFI-QDA project holds: its codebook, and every coded visualisation with its
 * image, codings of submitted assignments (drafts are work in progress), consensus codings and memos.
 */
export async function readProjectData(db: Db, studyId: number): Promise<ProjectData> {
  const [study] = await db.select().from(studies).where(eq(studies.id, studyId));
  if (!study) throw new AppError('not_found', `There is no study ${studyId}.`);
  const codes = await listCodes(db, studyId);
  const itemVis = sql<number>`${sampleItems.visualisationId}`;
  const inStudy = and(eq(samples.studyId, studyId));
  const individual = await db
    .select({ id: codings.id, vis: itemVis, userId: codings.userId, codeId: codings.codeId, region: codings.region, memo: codings.memo, createdAt: codings.createdAt })
    .from(codings)
    .innerJoin(sampleItems, eq(sampleItems.id, codings.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(assignments, and(eq(assignments.sampleItemId, codings.sampleItemId), eq(assignments.userId, codings.userId), eq(assignments.status, 'submitted')))
    .where(inStudy)
    .orderBy(codings.id);
  const consensus = await db
    .select({ id: consensusCodings.id, vis: itemVis, userId: consensusCodings.decidedBy, codeId: consensusCodings.codeId, region: consensusCodings.region, memo: consensusCodings.memo, createdAt: consensusCodings.createdAt })
    .from(consensusCodings)
    .innerJoin(sampleItems, eq(sampleItems.id, consensusCodings.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .where(inStudy)
    .orderBy(consensusCodings.id);
  const memos = await db
    .select({ vis: itemVis, userId: assignments.userId, memo: assignments.memo, at: assignments.updatedAt })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .where(and(inStudy, eq(assignments.status, 'submitted'), sql`${assignments.memo} <> ''`))
    .orderBy(assignments.id);

  const all = [...individual.map((c) => ({ ...c, consensus: false })), ...consensus.map((c) => ({ ...c, consensus: true }))];
  const visIds = [...new Set(all.map((c) => Number(c.vis)))].sort((a, b) => a - b);
  const figures = visIds.length
    ? await db
        .select({ id: visualisations.id, cell: visualisations.cellPosition, output: visualisations.outputIndex, notebook: notebooks.title, ref: notebookRefOf(notebooks.id, notebooks.fileName), sha256: blobs.sha256, mime: blobs.mime, width: blobs.width, height: blobs.height })
        .from(visualisations)
        .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
        .leftJoin(blobs, eq(blobs.sha256, imageSha()))
        .where(inArray(visualisations.id, visIds))
    : [];
  const sources: ProjectSource[] = [];
  let skippedWithoutImage = 0;
  for (const f of figures.sort((a, b) => a.id - b.id)) {
    if (!f.sha256 || !f.mime || !PICTURE_MIMES.has(f.mime) || !f.width || !f.height) {
      skippedWithoutImage++;
      continue;
    }
    sources.push({
      visualisationId: f.id,
      name: `${f.notebook || f.ref} (${f.ref}) — ${cellLabel(f.cell)}, output ${f.output} (visualisation ${f.id})`,
      sha256: f.sha256,
      mime: f.mime,
      width: f.width,
      height: f.height,
      codings: all.filter((c) => Number(c.vis) === f.id).map(({ vis: _vis, ...c }) => c),
      memos: memos.filter((m) => Number(m.vis) === f.id).map(({ vis: _vis, ...m }) => m),
    });
  }
  const members = await db.select({ userId: studyMembers.userId }).from(studyMembers).where(eq(studyMembers.studyId, studyId));
  const userIds = [...new Set([study.createdBy, ...members.map((m) => m.userId), ...all.map((c) => c.userId), ...memos.map((m) => m.userId)])].sort();
  const named = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
  return { study, codes, userIds, userNames: new Map(named.map((u) => [u.id, u.name])), sources, skippedWithoutImage };
}
