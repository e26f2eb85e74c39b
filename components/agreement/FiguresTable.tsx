'use client';
import type { Figures } from '@/lib/agreement/codings-report';
import { formatCoefficient, whyUndefined, type Coefficient } from './explain';
import { FigureCells, FigureHeads } from './FigureColumns';

const ROWS: { key: Coefficient; label: string; what: string }[] = [
  { key: 'percentAgreement', label: 'Percent agreement', what: 'items on which every coder chose the same set of codes' },
  { key: 'cohenKappa', label: "Cohen's κ", what: 'two coders, chance-corrected' },
  { key: 'fleissKappa', label: "Fleiss' κ", what: 'any number of coders, items with the usual number of coders' },
  { key: 'alpha', label: "Krippendorff's α", what: 'code sets compared with the MASI distance; missing codings allowed' },
];

/** Overall figures: one row per coefficient with its value, the items and coders behind it, and why when undefined. */
export function OverallTable({ figures }: { figures: Figures }) {
  return (
    <table className="list" data-testid="overall">
      <thead>
        <tr>
          <th>Coefficient</th>
          <th className="num">Value</th>
          <th className="num">Items</th>
          <th className="num">Coders</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const why = whyUndefined(figures, r.key);
          return (
            <tr key={r.key} data-coefficient={r.key}>
              <td>
                {r.label}
                <div className="sub" style={{ fontSize: 12 }}>{r.what}</div>
              </td>
              <td className="num" style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{formatCoefficient(figures[r.key], r.key)}</td>
              <td className="num">{figures.items}</td>
              <td className="num">{figures.coders}</td>
              <td className="sub">{why ? `Undefined: ${why}.` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Per code (applied or not): each coefficient, the items and coders behind it; undefined cells explain themselves on hover. */
export function PerCodeTable({ rows }: { rows: (Figures & { code: string })[] }) {
  return (
    <table className="list" data-testid="per-code">
      <thead>
        <FigureHeads first="Code" />
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td>{r.code}</td>
            <FigureCells figures={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
