import type { VisualizationSpec } from 'vega-embed';

export interface ThroughputBucketInput {
  start: string; // ISO time of the bucket's start
  ok: number;
  failed: number;
  infrastructure: number;
}

export const OUTCOME_COLOURS = { ok: '#177245', 'notebook failed': '#d9822b', infrastructure: '#8a94a6' } as const;

/** Finished executions per 5-minute bucket, stacked by outcome (ok / the notebook's failure / ours). */
export function throughputSpec(buckets: ThroughputBucketInput[]): VisualizationSpec {
  const values = buckets.flatMap((b) => [
    { start: b.start, outcome: 'ok', count: b.ok },
    { start: b.start, outcome: 'notebook failed', count: b.failed },
    { start: b.start, outcome: 'infrastructure', count: b.infrastructure },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 140,
    data: { values },
    mark: { type: 'bar', cornerRadiusTopLeft: 2, cornerRadiusTopRight: 2 },
    encoding: {
      x: { field: 'start', type: 'ordinal', timeUnit: 'hoursminutes', title: 'finished in the 5 minutes from', axis: { labelAngle: 0, labelOverlap: true } },
      y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'executions', axis: { tickMinStep: 1 } },
      color: {
        field: 'outcome',
        type: 'nominal',
        scale: { domain: Object.keys(OUTCOME_COLOURS), range: Object.values(OUTCOME_COLOURS) },
        legend: { orient: 'top', title: null },
      },
      tooltip: [
        { field: 'start', type: 'temporal', timeUnit: 'hoursminutes', title: 'from' },
        { field: 'outcome' },
        { field: 'count', title: 'executions' },
      ],
    },
  };
}
