import type { corpusStats } from '@/lib/browse/corpus-stats';
import type { listNotebooks } from '@/lib/browse/list-notebooks';
import type { getNotebook } from '@/lib/browse/get-notebook';
import type { listVisualisations } from '@/lib/browse/list-visualisations';
import type { nearDuplicateGroupFacet, visualisationFacetLists, visualisationFacets } from '@/lib/browse/visualisation-facets';
import type { getVisualisation } from '@/lib/browse/get-visualisation';
import type { ImportFailure } from '@/lib/db/schema';

// What the API sends: the lib functions' results after JSON (dates become strings).
export type Jsonified<T> = T extends Date ? string : T extends bigint ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
export type Api<F extends (...args: never[]) => Promise<unknown>> = Jsonified<Awaited<ReturnType<F>>>;

export type CorpusStats = Api<typeof corpusStats>;
export type NotebookPage = Api<typeof listNotebooks>;
export type NotebookDetail = Api<typeof getNotebook>;
export type GalleryPage = Api<typeof listVisualisations>;
// The low-cardinality facets (one fast request) and, once loaded, the many-valued ones (a second request)
// and the near-duplicate groups (a third, the slowest).
export type FacetLists = Api<typeof visualisationFacetLists>;
export type FacetGroups = Api<typeof nearDuplicateGroupFacet>;
export type Facets = Api<typeof visualisationFacets> & Partial<FacetLists> & Partial<FacetGroups>;
export type VisualisationDetail = Api<typeof getVisualisation>;
export type Failure = Jsonified<ImportFailure>;
