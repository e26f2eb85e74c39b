// PLACEHOLDER (branch `jobs`): engineer W2 writes the real analyseStoredNotebook on branch `product`.
// This file only lets the job definition compile and its tests run; at merge the real file replaces it.
// It records an 'analysed' row at the current version so the job machinery can be tested end to end.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

export const ANALYSER_VERSION = 'placeholder-1';

export async function analyseStoredNotebook(
  db: Db,
  notebookId: number,
  _opts: { ocr?: boolean; blobDir?: string } = {},
): Promise<{ status: 'analysed' | 'failed' | 'skipped'; visualisations: number; labelled: number }> {
  const rows = await db.execute(sql`insert into notebook_analyses (notebook_id, analyser_version, status)
    select id, ${ANALYSER_VERSION}, 'analysed' from notebooks where id = ${notebookId}
    on conflict (notebook_id) do update set analyser_version = excluded.analyser_version, status = 'analysed', analysed_at = now()
    returning notebook_id`);
  return { status: rows.length ? 'analysed' : 'skipped', visualisations: 0, labelled: 0 };
}
