import type { VisualizationSpec } from 'vega-embed';

export const STATUS_COLOURS = { ok: '#177245', exception: '#b42318', timeout: '#d9822b', killed: '#6b3fa0' } as const;
type Status = keyof typeof STATUS_COLOURS;

/** One horizontal bar split by the share of each notebook outcome (infrastructure errors are not in it). */
export function statusSharesSpec(counts: Record<Status, number>): VisualizationSpec {
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  const values = (Object.keys(STATUS_COLOURS) as Status[]).map((status, order) => ({ status, order, count: counts[status], share: total ? counts[status] / total : 0 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 36,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'share', type: 'quantitative', stack: 'zero', axis: { format: '.0%', title: `share of ${total} notebook outcomes` }, scale: { domain: [0, 1] } },
      color: {
        field: 'status',
        type: 'nominal',
        scale: { domain: Object.keys(STATUS_COLOURS), range: Object.values(STATUS_COLOURS) },
        legend: { orient: 'top', title: null },
      },
      order: { field: 'order' },
      tooltip: [{ field: 'status' }, { field: 'count', title: 'executions' }, { field: 'share', format: '.1%' }],
    },
  };
}

/** Seconds per cell in notebook order (cell numbers as the page shows them, from 1). */
export function cellDurationsSpec(cells: { position: number; seconds: number }[], failingCell: number | null): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 160,
    data: { values: cells.map((c) => ({ cell: c.position + 1, seconds: c.seconds, failing: c.position === failingCell })) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'cell', type: 'ordinal', title: 'cell', axis: { labelAngle: 0, labelOverlap: true } },
      y: { field: 'seconds', type: 'quantitative', title: 'seconds' },
      color: { field: 'failing', type: 'nominal', scale: { domain: [false, true], range: ['#3559e0', '#b42318'] }, legend: null },
      tooltip: [{ field: 'cell' }, { field: 'seconds', format: '.3f' }],
    },
  };
}

/** Notebooks per exception type, most frequent first (whole-number axis: these are counts of notebooks). */
export function topExceptionsSpec(rows: { type: string; count: number }[]): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: { step: 22 },
    data: { values: rows },
    mark: { type: 'bar', color: '#b42318', cornerRadiusEnd: 3 },
    encoding: {
      y: { field: 'type', type: 'nominal', sort: '-x', title: null },
      x: { field: 'count', type: 'quantitative', title: 'notebooks', axis: { tickMinStep: 1, format: 'd' } },
      tooltip: [{ field: 'type', title: 'exception' }, { field: 'count', title: 'notebooks' }],
    },
  };
}

/** Notebooks stopped by each missing module or data source ("blocked by catboost: 12 notebooks"), most first. */
export function blockersSpec(rows: { kind: 'module' | 'dataset'; name: string; notebooks: number }[]): VisualizationSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: { step: 22 },
    data: { values: rows.map((r) => ({ ...r, label: r.kind === 'module' ? r.name : `data: ${r.name}` })) },
    mark: { type: 'bar', cornerRadiusEnd: 3 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: '-x', title: null },
      x: { field: 'notebooks', type: 'quantitative', title: 'notebooks blocked', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'kind', type: 'nominal', scale: { domain: ['module', 'dataset'], range: ['#6b3fa0', '#d9822b'] }, legend: { orient: 'top', title: 'missing' } },
      tooltip: [{ field: 'kind', title: 'missing' }, { field: 'name' }, { field: 'notebooks', title: 'notebooks' }],
    },
  };
}
