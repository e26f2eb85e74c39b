'use client';
import type { Progress } from '@/components/hooks/useProgress';
import { agreementOverTimeSpec } from '@/components/charts/specs/agreement';
import { saturationSpec } from '@/components/charts/specs/saturation';
import { ChartPanel } from '@/components/agreement/ChartPanel';
import { FigureCells, FigureHeads } from '@/components/agreement/FigureColumns';
import { plural } from '@/lib/text/plural';

/** α, κ and % over the items submitted up to each day. */
export function AgreementTrendPanel({ points }: { points: Progress['agreement'] }) {
  return (
    <ChartPanel
      title="Agreement over time"
      spec={agreementOverTimeSpec(points)}
      empty={points.length === 0 ? 'No item has been submitted by two coders yet: agreement starts once a sample with overlap is coded.' : undefined}
    >
      <table className="list" data-testid="agreement-numbers">
        <thead>
          <FigureHeads first="Up to" />
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <td>{p.date}</td>
              <FigureCells figures={p} />
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}

/** Codebook size (codes in use so far) and new codes per batch: saturation. */
export function SaturationPanel({ saturation }: { saturation: Progress['saturation'] }) {
  const last = saturation.points.at(-1);
  return (
    <ChartPanel
      title="Codebook size and saturation"
      spec={saturationSpec(saturation.points, { batchSize: saturation.batchSize })}
      sub={last ? `${plural(last.totalCodes, 'code')} in use after ${plural(saturation.points.reduce((n, p) => n + p.coded, 0), 'coded visualisation')}; the last batch added ${last.newCodes}.` : undefined}
      empty={saturation.points.length === 0 ? 'No submitted codings yet: saturation shows once coders submit items.' : undefined}
    >
      <table className="list" data-testid="saturation-numbers">
        <thead>
          <tr>
            <th className="num">Batch</th>
            <th className="num">Visualisations</th>
            <th className="num">New codes</th>
            <th className="num">Codes so far</th>
            <th>Ended</th>
          </tr>
        </thead>
        <tbody>
          {saturation.points.map((p) => (
            <tr key={p.batch}>
              <td className="num">{p.batch}</td>
              <td className="num">{p.coded}</td>
              <td className="num">{p.newCodes}</td>
              <td className="num">{p.totalCodes}</td>
              <td>{new Date(p.endedAt).toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}
