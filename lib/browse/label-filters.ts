// The analysis engine's labels (visualisation_labels, lib/analysis-store) as gallery facets: chart type,
// ML stage, plotting library and multi-panel. One source of truth for a figure's library: the engine's
// label, not the import-time regex. A figure with no labels yet is 'not_analysed' in every such facet.
// Several values within a facet are ORed; facets are ANDed by the caller (galleryWhere).
import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { visualisationLabels, visualisations } from '../db/schema';

export const NOT_ANALYSED = 'not_analysed';
export const LABEL_FACETS = ['chartType', 'stage', 'library', 'multiPanel'] as const;
export type LabelFacet = (typeof LABEL_FACETS)[number];

const COLUMN: Record<LabelFacet, SQL> = {
  chartType: sql`${visualisationLabels.chartType}`,
  stage: sql`${visualisationLabels.mlStage}`,
  library: sql`${visualisationLabels.library}`,
  multiPanel: sql`case when ${visualisationLabels.multiPanel} then 'yes' else 'no' end`,
};

/** The figure's value in one label facet (its label row is found by primary key). */
export function labelValue(facet: LabelFacet): SQL<string> {
  return sql<string>`coalesce((select ${COLUMN[facet]} from ${visualisationLabels} where ${visualisationLabels.visualisationId} = ${visualisations.id}), ${NOT_ANALYSED})`;
}

/** Figures whose label is any of `values` (OR within the facet). */
export function labelFilter(facet: LabelFacet, values: string[]): SQL {
  return inArray(labelValue(facet), values);
}

/** The plotting libraries a notebook's figures are drawn with, by their labels (its `libraries`). */
export function notebookLibraries(notebookId: SQL | AnyColumn): SQL<string[]> {
  return sql<string[]>`array(select distinct l.library from ${visualisationLabels} l where l.notebook_id = ${notebookId} and l.library <> 'unknown' order by 1)`;
}
