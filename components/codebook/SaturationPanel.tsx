'use client';
import { useState } from 'react';
import { VegaChart } from '@/components/charts/VegaChart';
import { saturationSpec } from '@/components/charts/specs/saturation';
import { useSaturation } from '@/components/hooks/useCodebook';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { plural } from '@/lib/text/plural';

/** New codes per batch of N coded visualisations: when the bars reach zero, the codebook is saturating. */
export function SaturationPanel({ studyId }: { studyId: number }) {
  const [batch, setBatch] = useState(10);
  const { data, error, isPending } = useSaturation(studyId, batch);
  return (
    <section className="panel" aria-label="Saturation">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <h2 style={{ margin: 0 }}>Saturation</h2>
        <label className="row">
          Batch size
          <input type="number" min={1} max={1000} value={batch} onChange={(e) => setBatch(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))} style={{ width: 80 }} aria-label="Batch size" />
          visualisations
        </label>
      </div>
      {error ? (
        <ErrorState error={error} />
      ) : isPending ? (
        <Skeleton height={220} />
      ) : data.points.length === 0 ? (
        <EmptyState title="Nothing coded yet">The chart fills in as coders submit visualisations: each bar counts the codes first applied in a batch of {batch}.</EmptyState>
      ) : (
        <>
          <VegaChart spec={saturationSpec(data.points, { batchSize: data.batchSize })} label="New codes per batch of coded visualisations" />
          <p className="sub">
            {plural(data.points.reduce((n, p) => n + p.coded, 0), 'visualisation')} coded; {plural(data.points.at(-1)!.totalCodes, 'code')} in use;
            the last batch brought {plural(data.points.at(-1)!.newCodes, 'new code')}.
          </p>
        </>
      )}
    </section>
  );
}
