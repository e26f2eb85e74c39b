import { csvField } from '../csv/csv-field';
import { DIMENSION_LABELS, MULTI_VALUED, type Dimension } from './dimensions';
import type { Table } from './table';

/**
 * The table as CSV for a paper: `#` comment lines first (the population, when, the dimensions and the
 * χ² test), then a header and one line per row value with its counts and total, and a total line.
 */
export function tableCsv(t: Table, opts: { population: string; rows: Dimension; cols?: Dimension; generated?: Date }): string {
  const comments = [
    `# population: ${opts.population}`,
    `# generated: ${(opts.generated ?? new Date()).toISOString()}`,
    `# rows: ${DIMENSION_LABELS[opts.rows]}${opts.cols ? `; columns: ${DIMENSION_LABELS[opts.cols]}` : ''}; cells: counts of visualisations`,
    ...[opts.rows, opts.cols].filter((d): d is Dimension => !!d && MULTI_VALUED.has(d)).map((d) => `# note: ${DIMENSION_LABELS[d]} is many-valued; a figure counts once under each of its values`),
  ];
  if (opts.cols) comments.push(`# chi2: ${chi2Line(t)}`);
  const header = [DIMENSION_LABELS[opts.rows], ...(opts.cols ? t.cols : ['count']), ...(opts.cols ? ['total'] : [])];
  const lines = t.rows.map((r, i) => [r, ...t.counts[i], ...(opts.cols ? [t.rowTotals[i]] : [])]);
  if (opts.cols) lines.push(['total', ...t.colTotals, t.total]);
  else lines.push(['total', t.total]);
  return [...comments, ...[header, ...lines].map((l) => l.map(csvField).join(','))].join('\r\n') + '\r\n';
}

export function chi2Line(t: Table): string {
  const x = t.test;
  if (!x) return 'not computed (fewer than two rows or columns with counts)';
  const base = `chi2=${x.chi2.toFixed(4)}, df=${x.df}, p=${x.p.toPrecision(4)}, Cramer's V=${x.cramersV.toFixed(4)}, n=${x.n}`;
  return x.valid ? base : `${base}; NOT VALID: ${x.reason}`;
}
