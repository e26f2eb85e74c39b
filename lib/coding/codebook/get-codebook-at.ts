import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codebookChanges, codes } from '../../db/schema';
import { snapshotOf, type CodeSnapshot } from './snapshot';
import { buildTree, type CodeNode } from './tree';

export interface CodebookAt {
  at: string;
  codes: CodeSnapshot[];
  tree: CodeNode[];
}

/**
 * The codebook as it stood at `at`, replayed from the recorded snapshots: each code as its latest change
 * up to then left it. Codes that predate any recorded change (inserted outside lib/coding/codebook)
 * count from their creation time, as they are today.
 */
export async function getCodebookAt(db: Db, studyId: number, at: Date): Promise<CodebookAt> {
  // Timestamps are stored to the microsecond, `at` comes to the millisecond: compare at millisecond precision.
  const until = sql`date_trunc('milliseconds', ${codebookChanges.at}) <= ${at.toISOString()}::timestamptz`;
  const latest = await db
    .selectDistinctOn([codebookChanges.codeId], { codeId: codebookChanges.codeId, after: codebookChanges.after })
    .from(codebookChanges)
    .where(and(eq(codebookChanges.studyId, studyId), until))
    .orderBy(codebookChanges.codeId, sql`${codebookChanges.at} desc`, sql`${codebookChanges.id} desc`);
  const unrecorded = await db
    .select()
    .from(codes)
    .where(and(eq(codes.studyId, studyId), lte(codes.createdAt, at), sql`not exists (select 1 from ${codebookChanges} where ${codebookChanges.studyId} = ${studyId} and ${codebookChanges.codeId} = ${codes.id})`));
  const list = [...latest.map((r) => r.after as CodeSnapshot | null).filter((c): c is CodeSnapshot => c !== null), ...unrecorded.map(snapshotOf)];
  list.sort((a, b) => a.position - b.position || a.id - b.id);
  return { at: at.toISOString(), codes: list, tree: buildTree(list) };
}
