// Seeding the app's database (see openAppDatabase) for the coding and agreement tests: corpus notebooks
// imported as the import page would, two coders in a study, and a sample of real figures.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../lib/db/client';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { blobDir } from '../../lib/config';
import { createUser } from '../../lib/auth/users/create-user';
import { sampleItems, samples, studies, studyMembers } from '../../lib/db/schema';
import { corpusFile } from '../helpers/corpus';

export const TITANIC = 'agconti-titanic__Titanic.ipynb';
export const ANA = { name: 'Ana Coder', email: 'ana@example.org', password: 'ana-password-1' };
export const BEN = { name: 'Ben Coder', email: 'ben@example.org', password: 'ben-password-1' };

/** One corpus notebook imported into the app's database; its notebook id. */
export async function importCorpusNotebook(store: Database, file: string): Promise<number> {
  const imported = await importNotebook(store.db, { file, bytes: fs.readFileSync(corpusFile(file)), blobDir: blobDir(store.dataDir) });
  if (imported.notebookId === undefined) throw new Error(`${file} was not imported`);
  return imported.notebookId;
}

/** The Titanic notebook imported, and its first `n` figures that are images (by id). */
export async function titanicFigures(store: Database, n: number): Promise<{ notebookId: number; figures: number[] }> {
  const notebookId = await importCorpusNotebook(store, TITANIC);
  const vis = await store.db.execute<{ id: number }>(sql`select id::int from visualisations where notebook_id = ${notebookId} and blob_sha256 is not null order by id limit ${n}`);
  if (vis.length < n) throw new Error(`expected ${n} images in the Titanic notebook, got ${vis.length}`);
  return { notebookId, figures: vis.map((v) => Number(v.id)) };
}

/** Ana and Ben (accounts with the coder role), both coders of a new study `name` that Ana created. */
export async function coderStudy(db: Db, name: string): Promise<{ studyId: number; ana: string; ben: string }> {
  const ana = await createUser(db, { ...ANA, role: 'coder' });
  const ben = await createUser(db, { ...BEN, role: 'coder' });
  const [s] = await db.insert(studies).values({ name, createdBy: ana.id }).returning();
  await db.insert(studyMembers).values([
    { studyId: s.id, userId: ana.id, role: 'coder' },
    { studyId: s.id, userId: ben.id, role: 'coder' },
  ]);
  return { studyId: s.id, ana: ana.id, ben: ben.id };
}

/** A sample "Pilot" of the study (every item coded by every coder) holding `figures` in order; its item ids. */
export async function pilotSample(db: Db, studyId: number, createdBy: string, figures: number[]): Promise<{ sampleId: number; items: number[] }> {
  const [sample] = await db.insert(samples).values({ studyId, name: 'Pilot', definition: {}, overlapPercent: 100, createdBy }).returning();
  const items = await db.insert(sampleItems).values(figures.map((visualisationId, position) => ({ sampleId: sample.id, visualisationId, position }))).returning();
  return { sampleId: sample.id, items: items.map((i) => i.id) };
}
