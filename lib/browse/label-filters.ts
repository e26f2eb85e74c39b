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
  // null without a label row (a left join's miss), so that it becomes 'not_analysed', not 'no'
  multiPanel: sql`case ${visualisationLabels.multiPanel} when true then 'yes' when false then 'no' end`,
};

/** The figure's value in one label facet (its label row is found by primary key). */
export function labelValue(facet: LabelFacet): SQL<string> {
  return sql<string>`coalesce((select ${COLUMN[facet]} from ${visualisationLabels} where ${visualisationLabels.visualisationId} = ${visualisations.id}), ${NOT_ANALYSED})`;
}

/** The value in a query that left-joins visualisation_labels itself (one scan instead of a lookup per row). */
export function joinedLabelValue(facet: LabelFacet): SQL<string> {
  return sql<string>`coalesce(${COLUMN[facet]}, ${NOT_ANALYSED})`;
}

/**
 * Figures whose label is any of `values` (OR within the facet). Written as `id in (labels with those
 * values)`, a semi-join PostgreSQL can estimate from the label's statistics: the equivalent filter on
 * `labelValue(…)`, a lookup per row, is estimated at one row, and a 1,000,000-figure gallery then
 * got nested-loop plans that took seconds (bench/scale.ts).
 */
export function labelFilter(facet: LabelFacet, values: string[]): SQL {
  const analysed = values.filter((v) => v !== NOT_ANALYSED);
  const labelled = sql`${visualisations.id} in (select ${visualisationLabels.visualisationId} from ${visualisationLabels} where ${inArray(COLUMN[facet], analysed)})`;
  if (analysed.length === values.length) return labelled;
  const unlabelled = sql`not exists (select 1 from ${visualisationLabels} where ${visualisationLabels.visualisationId} = ${visualisations.id})`;
  return analysed.length ? sql`(${labelled} or ${unlabelled})` : unlabelled;
}

/** The plotting libraries a notebook's figures are drawn with, by their labels (its `libraries`). */
export function notebookLibraries(notebookId: SQL | AnyColumn): SQL<string[]> {
  return sql<string[]>`array(select distinct l.library from ${visualisationLabels} l where l.notebook_id = ${notebookId} and l.library <> 'unknown' order by 1)`;
}
