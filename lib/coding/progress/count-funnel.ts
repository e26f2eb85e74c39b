import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codeSetsByItem, distinctCodeSets } from '../agreement/code-sets';
import { exportCodings, type CodingRow } from '../export-codings';

export interface Funnel {
  imported: number;
  reproduced: number | null; // null: unknown (kept for older clients)
  visualisations: number;
  sampled: number;
  coded: number;
  doubleCoded: number;
  agreed: number;
}

/**
 * The study's funnel, from the corpus to agreed items: imported notebooks → reproduced →
 * visualisations → sampled (distinct visualisations in the study's samples) → coded (≥1 submitted)
 * → double-coded (≥2 submitted) → agreed (consensus recorded, or every submitted coder chose the same codes).
 * `codings`: the study's export, when the caller already has it.
 */
export async function countFunnel(db: Db, studyId: number, codings?: CodingRow[]): Promise<Funnel> {
  // Imported counts originals (executed versions are reproductions); reproduced counts originals that
  // ran again, whatever the outcome, leaving out runs our infrastructure failed.
  const [corpus] = await db.execute<{ imported: number; visualisations: number; reproduced: number }>(sql`
    select (select count(*)::int from notebooks where status = 'imported' and reproduced_from is null) as imported,
           (select count(*)::int from visualisations v join notebooks n on n.id = v.notebook_id where n.reproduced_from is null) as visualisations,
           (select count(distinct notebook_id)::int from executions where status not in ('infrastructure', 'missing_datasets')) as reproduced`);
  const [study] = await db.execute<{ sampled: number; coded: number; double_coded: number }>(sql`
    with items as (
      select si.id, si.visualisation_id, count(a.id) filter (where a.status = 'submitted') as submitted
      from sample_items si join samples s on s.id = si.sample_id
      left join assignments a on a.sample_item_id = si.id
      where s.study_id = ${studyId} group by si.id)
    select count(distinct visualisation_id)::int as sampled,
           count(*) filter (where submitted >= 1)::int as coded,
           count(*) filter (where submitted >= 2)::int as double_coded
    from items`);

  const items = codeSetsByItem(codings ?? (await exportCodings(db, { studyId })));
  const agreed = [...items.values()].filter((it) => it.consensus || (it.coders.size >= 2 && distinctCodeSets(it) === 1)).length;

  return {
    imported: corpus.imported,
    reproduced: corpus.reproduced,
    visualisations: corpus.visualisations,
    sampled: study.sampled,
    coded: study.coded,
    doubleCoded: study.double_coded,
    agreed,
  };
}
