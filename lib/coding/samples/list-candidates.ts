import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blobs, notebooks, visualisations, imageSha } from '../../db/schema';
import type { GalleryFilters } from '../../browse/schemas';
import { galleryWhere } from '../../browse/list-visualisations';
import type { SampleCandidate } from './draw-items';
import type { StratifyField } from './schemas';

// The value each visualisation is stratified by. A notebook may draw on several competitions: its
// first listed one stands for it, so every item falls in exactly one stratum.
const STRATUM: Record<StratifyField, SQL> = {
  competition: sql`(select k.competitions[1] from kaggle_kernels k where k.notebook_id = ${visualisations.notebookId})`,
  library: sql`${visualisations.library}`,
  kind: sql`${visualisations.kind}`,
  notebook: sql`${visualisations.notebookId}::text`,
  format: sql`${visualisations.mime}`,
};

/** Every visualisation the gallery shows under `filters` (the same WHERE as the gallery), in id order. */
export async function listCandidates(db: Db, filters: GalleryFilters, stratifyBy?: StratifyField): Promise<SampleCandidate[]> {
  return db
    .select({ id: visualisations.id, stratum: stratifyBy ? sql<string | null>`${STRATUM[stratifyBy]}` : sql<string | null>`null` })
    .from(visualisations)
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(blobs, eq(blobs.sha256, imageSha()))
    .where(and(...galleryWhere(filters)))
    .orderBy(asc(visualisations.id));
}
