'use client';
import type { Table } from '@/lib/analytics/table';
import { MatrixTable } from './MatrixTable';

/** χ² test of independence, Cramér's V, and the expected counts (those below 5 marked). */
export function ChiSquarePanel({ table }: { table: Table }) {
  const t = table.test;
  if (!t) return <section className="panel" aria-label="Chi-square test"><h2>χ² test</h2><p className="sub">Needs at least two rows and two columns with counts.</p></section>;
  return (
    <section className="panel" aria-label="Chi-square test">
      <h2>χ² test of independence</h2>
      <p data-testid="chi2">
        χ² = {t.chi2.toFixed(2)}, df = {t.df}, p = {t.p < 1e-4 ? t.p.toExponential(2) : t.p.toFixed(4)}, Cramér&apos;s V = {t.cramersV.toFixed(3)}, n = {t.n.toLocaleString('en-GB')}
      </p>
      {!t.valid && (
        <p className="error-box" role="alert">
          Not valid for χ²: {t.reason}. Merge sparse categories or report an exact test instead; cells in red below have expected counts under 5.
        </p>
      )}
      <details>
        <summary>Expected counts</summary>
        <MatrixTable
          testId="expected"
          rows={table.rows}
          cols={table.cols}
          cell={(i, j) => {
            const e = t.expected[i][j];
            return (
              <td key={j} className="num" style={e < 5 ? { color: '#c0392b', fontWeight: 600 } : undefined} title={e < 5 ? 'below 5' : undefined}>
                {e.toFixed(1)}
              </td>
            );
          }}
        />
      </details>
    </section>
  );
}
