import type { Db } from '../../db/client';
import { drawItems, type SampleCandidate, type StratumCount } from './draw-items';
import { listCandidates } from './list-candidates';
import type { SampleDefinition } from './schemas';
import type { Origin } from '../../browse/origins';

export interface SamplePreview {
  /** How many visualisations the gallery shows under the filters. */
  matching: number;
  /** How many the sample would hold. */
  count: number;
  strata: StratumCount[];
  /** The first drawn ids, for a glance at what would be coded. */
  firstIds: number[];
  /** Whose figures were counted: originals unless the definition chose reproductions or both. */
  origin: Origin;
}

/** Draws `def` from the gallery as it is now: how many visualisations matched, and what was drawn. */
export async function drawFromGallery(db: Db, def: SampleDefinition): Promise<{ matching: number; items: SampleCandidate[]; strata: StratumCount[] }> {
  const candidates = await listCandidates(db, def.filters, def.mode === 'stratified' ? def.stratifyBy : undefined);
  return { matching: candidates.length, ...drawItems(candidates, def) };
}

/** What createSample would draw, without saving anything. */
export async function previewSample(db: Db, def: SampleDefinition): Promise<SamplePreview> {
  const { matching, items, strata } = await drawFromGallery(db, def);
  return { matching, count: items.length, strata, firstIds: items.slice(0, 12).map((i) => i.id), origin: def.filters.origin ?? 'originals' };
}
