import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { exportCodings } from '../export-codings';

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
 */
export async function countFunnel(db: Db, studyId: number): Promise<Funnel> {
  // Imported counts originals (executed versions are reproductions); reproduced counts originals that
  // ran again, whatever the outcome, leaving out runs our infrastructure failed.
  const [corpus] = await db.execute<{ imported: number; visualisations: number; reproduced: number }>(sql`
    select (select count(*)::int from notebooks where status = 'imported' and reproduced_from is null) as imported,
           (select count(*)::int from visualisations) as visualisations,
           (select count(distinct notebook_id)::int from executions where status <> 'infrastructure') as reproduced`);
  const reproduced = corpus.reproduced;
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

  const rows = await exportCodings(db, { studyId });
  const items = new Map<string, { consensus: boolean; coders: Map<string, string[]> }>();
  for (const r of rows) {
    if (!items.has(r.item)) items.set(r.item, { consensus: false, coders: new Map() });
    const it = items.get(r.item)!;
    if (r.kind === 'consensus') it.consensus = true;
    else {
      if (!it.coders.has(r.coder)) it.coders.set(r.coder, []);
      if (r.code_path) it.coders.get(r.coder)!.push(r.code_path);
    }
  }
  const agreed = [...items.values()].filter((it) => {
    if (it.consensus) return true;
    const sets = [...it.coders.values()].map((codes) => [...new Set(codes)].sort().join('\n'));
    return sets.length >= 2 && new Set(sets).size === 1;
  }).length;

  return {
    imported: corpus.imported,
    reproduced,
    visualisations: corpus.visualisations,
    sampled: study.sampled,
    coded: study.coded,
    doubleCoded: study.double_coded,
    agreed,
  };
}
