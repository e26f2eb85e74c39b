// Shared set-up for the samples and coding tests: synthetic notebooks with many figures, a study
// with members, a few codes. Written straight to the tables (the study and codebook APIs are tested
// by their own owners).
import { importNotebook } from '../../lib/ingest/import-notebook';
import { codes, studies, studyMembers } from '../../lib/db/schema';
import type { Db } from '../../lib/db/client';
import type { TestStore } from '../helpers/db';

// A 1×1 PNG; every output is its own visualisation even when the bytes are shared.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function notebook(title: string, figures: number, code: string): Uint8Array {
  const cells = [{ cell_type: 'markdown', metadata: {}, source: `# ${title}\nSome **context** for the figures.` }];
  for (let i = 0; i < figures; i++) {
    cells.push({
      cell_type: 'code',
      metadata: {},
      execution_count: i + 1,
      source: `${code}  # figure ${i}`,
      outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': PNG, 'text/plain': '<Figure>' } }],
    } as never);
  }
  return Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells }));
}

/** Imports notebooks with the given numbers of figures; returns their notebook ids. */
export async function importFigures(store: TestStore, counts: number[], code = "import matplotlib.pyplot as plt\nplt.plot([1, 2])"): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, n] of counts.entries()) {
    const r = await importNotebook(store.db, { file: `nb${i}-${n}.ipynb`, bytes: notebook(`Notebook ${i}`, n, code), blobDir: store.blobDir });
    if (r.status !== 'imported' || !r.notebookId) throw new Error(`fixture import failed: ${JSON.stringify(r)}`);
    ids.push(r.notebookId);
  }
  return ids;
}

/** A study with a supervisor and coders as members, and three codes with shortcuts. */
export async function makeStudy(db: Db, members: { supervisor: string; coders: string[] }) {
  const [study] = await db.insert(studies).values({ name: 'Testing practices', createdBy: members.supervisor }).returning();
  await db.insert(studyMembers).values([
    { studyId: study.id, userId: members.supervisor, role: 'supervisor' },
    ...members.coders.map((userId) => ({ studyId: study.id, userId, role: 'coder' as const })),
  ]);
  const made = await db
    .insert(codes)
    .values([
      { studyId: study.id, name: 'Loss curve', shortcut: 'l', position: 0, createdBy: members.supervisor },
      { studyId: study.id, name: 'Confusion matrix', shortcut: 'c', position: 1, createdBy: members.supervisor },
      { studyId: study.id, name: 'Distribution', position: 2, createdBy: members.supervisor },
    ])
    .returning();
  return { study, codes: made };
}
