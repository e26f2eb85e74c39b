import { csvField } from '../../csv/csv-field';
import type { ReproducibilitySummary } from './summarise-reproducibility';

/** The summary as CSV, one row per metric: `metric,value,n` (n = the denominator or count behind it). */
export function summaryToCsv(s: ReproducibilitySummary): string {
  const rows: Array<[string, number | null, number]> = [
    ['executions', s.n, s.n],
    ['notebook_outcomes', s.notebookOutcomes, s.n],
    ['infrastructure_errors', s.counts.infrastructure, s.n],
    ['not_run_missing_datasets', s.missingDatasets, s.n],
    ['share_ok', s.shares.ok, s.notebookOutcomes],
    ['share_exception', s.shares.exception, s.notebookOutcomes],
    ['share_timeout', s.shares.timeout, s.notebookOutcomes],
    ['share_killed', s.shares.killed, s.notebookOutcomes],
    ...s.topExceptions.map((e): [string, number, number] => [`exception:${e.type}`, e.count, s.counts.exception]),
    ['same_figure_rate', s.figures.sameRate, s.figures.pairs],
    ['figures_same', s.figures.same, s.figures.pairs],
    ['figures_different', s.figures.different, s.figures.pairs],
    ['figures_new', s.figures.new, s.notebookOutcomes],
    ['figures_missing', s.figures.missing, s.notebookOutcomes],
    ['share_out_of_order', s.staticFlags.outOfOrderShare, s.n],
    ['share_skipped_counts', s.staticFlags.skippedCountsShare, s.n],
    ['share_never_executed_cells', s.staticFlags.neverExecutedShare, s.n],
    ['median_seconds', s.medianSeconds, s.notebookOutcomes],
    // "blocked by catboost: 12 notebooks" — value and n are both the notebooks stopped by it
    ...s.blockers.map((b): [string, number, number] => [`blocked_by_${b.kind}:${b.name}`, b.notebooks, s.n]),
  ];
  const lines = ['metric,value,n', ...rows.map(([m, v, n]) => [m, v == null ? '' : round(v), n].map(csvField).join(','))];
  return lines.join('\r\n') + '\r\n';
}

const round = (v: number) => (Number.isInteger(v) ? v : Number(v.toFixed(6)));
