// Set-up for the agreement, consensus, progress and export tests: a study whose sample items are
// real imported figures, a codebook with categories ("Chart / bar"), and codings written straight to
// the tables as the coding workspace would leave them (assignment submitted + its codings).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { assignments, codes, codings, sampleItems, samples, studies, studyMembers, type Region } from '../../lib/db/schema';
import type { Db } from '../../lib/db/client';
import type { TestStore } from '../helpers/db';
import { importFigures } from './coding-fixtures';
import { PATH_SEPARATOR } from '../../lib/coding/codebook/export-codebook-csv';

export interface SeededStudy {
  studyId: number;
  sampleId: number;
  items: number[]; // sample item ids, in position order
  visualisations: number[];
  code: (path: string) => number; // code id by path
}

/** A study with `supervisor` and `coders` as members, one sample of `items` figures, and the codes named by `paths`. */
export async function seedStudy(
  store: TestStore,
  opts: { supervisor: string; coders: string[]; items: number; paths: string[]; sampleName?: string; studyId?: number },
): Promise<SeededStudy> {
  const db = store.db;
  let studyId = opts.studyId;
  if (studyId === undefined) {
    const [study] = await db.insert(studies).values({ name: 'Agreement study', createdBy: opts.supervisor }).returning();
    studyId = study.id;
    await db.insert(studyMembers).values([
      { studyId, userId: opts.supervisor, role: 'supervisor' },
      ...opts.coders.map((userId) => ({ studyId: studyId!, userId, role: 'coder' as const })),
    ]);
  }
  const ids = new Map<string, number>();
  for (const path of opts.paths) {
    let parent: number | null = null;
    const parts = path.split(PATH_SEPARATOR);
    for (const [i, name] of parts.entries()) {
      const key = parts.slice(0, i + 1).join(PATH_SEPARATOR);
      if (!ids.has(key)) {
        const kind = i < parts.length - 1 ? ('category' as const) : ('code' as const);
        const [row] = await db.insert(codes).values({ studyId, parentId: parent, kind, name, createdBy: opts.supervisor, position: ids.size }).returning();
        ids.set(key, row.id);
      }
      parent = ids.get(key)!;
    }
  }
  // Distinct source per call, so a second seeding in the same database is not a duplicate import.
  const [notebookId] = await importFigures(store, [opts.items], `import matplotlib.pyplot as plt\nplt.plot([1, 2])  # ${crypto.randomUUID()}`);
  // The fixture notebook's figures, in cell order.
  const vis = await db.execute<{ id: number }>(sql`select id::int from visualisations where notebook_id = ${notebookId} order by cell_position`);
  const [sample] = await db.insert(samples).values({ studyId, name: opts.sampleName ?? 'Sample A', definition: {}, createdBy: opts.supervisor }).returning();
  const rows = await db
    .insert(sampleItems)
    .values(vis.map((v, position) => ({ sampleId: sample.id, visualisationId: Number(v.id), position })))
    .returning();
  return {
    studyId,
    sampleId: sample.id,
    items: rows.sort((a, b) => a.position - b.position).map((r) => r.id),
    visualisations: vis.map((v) => Number(v.id)),
    code: (path) => {
      const id = ids.get(path);
      if (id === undefined) throw new Error(`no code ${path} in the fixture`);
      return id;
    },
  };
}

/**
 * `coder` codes `item` with `paths` (empty: submitted, no code applies) and submits it at `at`.
 * `status: 'pending'` leaves a draft: an assignment with codings that is not submitted.
 */
export async function codeItem(
  db: Db,
  study: SeededStudy,
  item: number,
  coder: string,
  paths: string[],
  opts: { at?: Date; status?: 'submitted' | 'pending' | 'skipped'; region?: Region; memo?: string } = {},
): Promise<void> {
  const status = opts.status ?? 'submitted';
  await db.insert(assignments).values({ sampleItemId: item, userId: coder, position: item, status, submittedAt: status === 'submitted' ? (opts.at ?? new Date()) : null });
  if (paths.length) {
    await db.insert(codings).values(paths.map((p) => ({ sampleItemId: item, userId: coder, codeId: study.code(p), region: opts.region ?? null, memo: opts.memo ?? '' })));
  }
}
