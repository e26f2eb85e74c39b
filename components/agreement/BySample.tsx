'use client';
import type { AgreementPage } from '@/components/hooks/useAgreement';
import { formatCoefficient } from './explain';

/** Each sample's overall figures, side by side; a row opens that sample. */
export function BySample({ samples, onPick }: { samples: AgreementPage['samples']; onPick: (id: number) => void }) {
  return (
    <section>
      <h2>By sample</h2>
      <table className="list" data-testid="by-sample">
        <thead>
          <tr>
            <th>Sample</th>
            <th className="num">Items</th>
            <th className="num">Coders</th>
            <th className="num">%</th>
            <th className="num">Cohen&apos;s κ</th>
            <th className="num">Fleiss&apos; κ</th>
            <th className="num">α</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((s) => (
            <tr key={s.id}>
              <td>
                <button className="btn" style={{ padding: '2px 8px' }} onClick={() => onPick(s.id)}>
                  {s.name}
                </button>
              </td>
              <td className="num">{s.overall.items}</td>
              <td className="num">{s.overall.coders}</td>
              <td className="num">{formatCoefficient(s.overall.percentAgreement, 'percentAgreement')}</td>
              <td className="num">{formatCoefficient(s.overall.cohenKappa, 'cohenKappa')}</td>
              <td className="num">{formatCoefficient(s.overall.fleissKappa, 'fleissKappa')}</td>
              <td className="num">{formatCoefficient(s.overall.alpha, 'alpha')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
