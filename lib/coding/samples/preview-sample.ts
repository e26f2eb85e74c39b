import type { Db } from '../../db/client';
import { drawItems, type StratumCount } from './draw-items';
import { listCandidates } from './list-candidates';
import type { SampleDefinition } from './schemas';

export interface SamplePreview {
  /** How many visualisations the gallery shows under the filters. */
  matching: number;
  /** How many the sample would hold. */
  count: number;
  strata: StratumCount[];
  /** The first drawn ids, for a glance at what would be coded. */
  firstIds: number[];
}

/** What createSample would draw, without saving anything. */
export async function previewSample(db: Db, def: SampleDefinition): Promise<SamplePreview> {
  const candidates = await listCandidates(db, def.filters, def.mode === 'stratified' ? def.stratifyBy : undefined);
  const { items, strata } = drawItems(candidates, def);
  return { matching: candidates.length, count: items.length, strata, firstIds: items.slice(0, 12).map((i) => i.id) };
}
