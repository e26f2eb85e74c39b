'use client';
import Link from 'next/link';
import type { DisagreementRow } from '@/components/hooks/useAgreement';
import { cellLabel } from '@/lib/notebooks/cell-label';

/** Items whose coders chose different codes, each coder's codes in a column; a row opens the item side by side. */
export function DisagreementList({ rows, study, sample }: { rows: DisagreementRow[]; study: number; sample: number | null }) {
  const query = `?study=${study}${sample ? `&sample=${sample}` : ''}`;
  return (
    <table className="list" data-testid="disagreements">
      <thead>
        <tr>
          <th>Figure</th>
          <th>Item</th>
          <th>Codes by coder</th>
          <th>Consensus</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.sampleItemId}>
            <td style={{ width: 90 }}>
              {d.blobSha256 ? (
                // eslint-disable-next-line @next/next/no-img-element -- thumbnails come from our API
                <img src={`/api/blobs/${d.blobSha256}/thumbnail`} alt={`Figure of item ${d.sampleItemId}`} style={{ maxWidth: 80, maxHeight: 60 }} />
              ) : (
                <span className="sub">no image</span>
              )}
            </td>
            <td>
              #{d.sampleItemId}
              <div className="sub" style={{ fontSize: 12 }}>
                {d.sampleName} · {d.notebookTitle} · <span className="nb-ref">{d.notebookRef}</span> · <span data-testid="cell-number">{cellLabel(d.cell)}</span>
              </div>
            </td>
            <td>
              {d.coders.map((c) => (
                <div key={c.coder} style={{ fontSize: 13 }}>
                  <strong>{c.coder}</strong>: {c.codes.length ? c.codes.join(', ') : <em className="sub">no code</em>}
                </div>
              ))}
            </td>
            <td>{d.resolved ? <span className="badge ok">recorded</span> : <span className="badge warn">open</span>}</td>
            <td style={{ textAlign: 'right' }}>
              <Link className="btn" href={`/agreement/items/${d.sampleItemId}${query}`}>
                {d.resolved ? 'Review' : 'Resolve'}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
