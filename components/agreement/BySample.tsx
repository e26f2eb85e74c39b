'use client';
import type { AgreementPage } from '@/components/hooks/useAgreement';
import { FigureCells, FigureHeads } from './FigureColumns';

/** Each sample's overall figures, side by side; a row opens that sample. */
export function BySample({ samples, onPick }: { samples: AgreementPage['samples']; onPick: (id: number) => void }) {
  return (
    <section>
      <h2>By sample</h2>
      <table className="list" data-testid="by-sample">
        <thead>
          <FigureHeads first="Sample" />
        </thead>
        <tbody>
          {samples.map((s) => (
            <tr key={s.id}>
              <td>
                <button className="btn" style={{ padding: '2px 8px' }} onClick={() => onPick(s.id)}>
                  {s.name}
                </button>
              </td>
              <FigureCells figures={s.overall} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
