import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codes, codings, consensusCodings } from '../../db/schema';
import type { AggregateScope } from '../queue/blind-items';
import { snapshotOf, type CodeSnapshot } from './snapshot';
import { buildTree, type CodeNode } from './tree';

export type CodebookCode = CodeSnapshot & { uses: number };

export interface Codebook {
  codes: CodebookCode[];
  tree: CodeNode<CodebookCode>[];
}

/** Every code of the study today (merged ones too), in codebook order: what exports and diffs need, without the counts. */
export async function listCodes(db: Db, studyId: number): Promise<CodeSnapshot[]> {
  const rows = await db.select().from(codes).where(eq(codes.studyId, studyId)).orderBy(codes.position, codes.id);
  return rows.map(snapshotOf);
}

/**
 * The codebook today: every code (merged ones too, so old codings can name them), with how often each
 * is applied — as far as the viewer may know (`scope`: the blind rule for aggregates; none = everything).
 */
export async function getCodebook(db: Db, studyId: number, scope?: AggregateScope): Promise<Codebook> {
  const rows = await listCodes(db, studyId);
  const ids = rows.map((r) => r.id);
  const uses = new Map<number, number>();
  if (ids.length) {
    const hidden = scope && scope.hidden.size ? sql` and sample_item_id not in ${[...scope.hidden]}` : sql``;
    const submitted = scope?.submittedOnly
      ? sql` and exists (select 1 from assignments a where a.sample_item_id = c.sample_item_id and a.user_id = c.user_id and a.status = 'submitted')`
      : sql``;
    const counted = await db
      .select({ codeId: sql<number>`code_id`, n: sql<number>`count(*)::int` })
      .from(
        sql`(select code_id from ${codings} c where code_id in ${ids}${hidden}${submitted} union all select code_id from ${consensusCodings} where code_id in ${ids}${hidden}) as applied`,
      )
      .groupBy(sql`code_id`);
    for (const c of counted) uses.set(Number(c.codeId), c.n);
  }
  const list = rows.map((r) => ({ ...r, uses: uses.get(r.id) ?? 0 }));
  return { codes: list, tree: buildTree(list) };
}
