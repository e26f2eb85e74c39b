import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { visualisationLabels } from '../../db/schema';

export interface MachineSuggestion {
  chartType: string;
  mlStage: string;
  confidence: { chartType: number | null; mlStage: number | null };
}

/**
 * Whether the coder of an item may see the machine's labels: only if the study turned suggestions
 * on, and never on a blind item coded by two or more before its coder submitted it — a suggestion
 * would anchor the coder and make the two codings less independent (the point of double coding).
 */
export function maySuggest(setting: boolean, item: { blind: boolean; coders: number; ownStatus: string }): boolean {
  if (!setting) return false;
  return !(item.blind && item.coders >= 2 && item.ownStatus !== 'submitted');
}

/** The machine's suggestion for a work item, or null (setting off, blind rule, or not analysed yet). */
export async function machineSuggestion(
  db: Db,
  showSuggestions: boolean,
  visualisationId: number,
  item: { blind: boolean; coders: number; ownStatus: string },
): Promise<MachineSuggestion | null> {
  if (!maySuggest(showSuggestions, item)) return null;
  const [l] = await db
    .select({ chartType: visualisationLabels.chartType, mlStage: visualisationLabels.mlStage, confidence: visualisationLabels.confidence })
    .from(visualisationLabels)
    .where(eq(visualisationLabels.visualisationId, visualisationId));
  if (!l) return null;
  return { chartType: l.chartType, mlStage: l.mlStage, confidence: { chartType: l.confidence.chartType ?? null, mlStage: l.confidence.mlStage ?? null } };
}
