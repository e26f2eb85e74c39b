'use client';
import type { Figures } from '@/lib/agreement/codings-report';
import { formatCoefficient, whyUndefined, type Coefficient } from './explain';

const COEFFICIENTS: Coefficient[] = ['percentAgreement', 'cohenKappa', 'fleissKappa', 'alpha'];

/** The header of a table with one row of figures per sample, code or date. */
export function FigureHeads({ first }: { first: string }) {
  return (
    <tr>
      <th>{first}</th>
      <th className="num">Items</th>
      <th className="num">Coders</th>
      <th className="num">%</th>
      <th className="num">Cohen&apos;s κ</th>
      <th className="num">Fleiss&apos; κ</th>
      <th className="num">α</th>
    </tr>
  );
}

/** Items, coders and each coefficient; an undefined one says why on hover. */
export function FigureCells({ figures }: { figures: Figures }) {
  return (
    <>
      <td className="num">{figures.items}</td>
      <td className="num">{figures.coders}</td>
      {COEFFICIENTS.map((c) => {
        const why = whyUndefined(figures, c);
        return (
          <td key={c} className="num" style={{ whiteSpace: 'nowrap' }} title={why ? `Undefined: ${why}` : undefined}>
            {formatCoefficient(figures[c], c)}
          </td>
        );
      })}
    </>
  );
}
