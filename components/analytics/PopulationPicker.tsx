'use client';
import { useCollectionRuns } from '@/components/hooks/useCollectionRuns';
import { useSamples } from '@/components/hooks/useSamples';
import { useStudies } from '@/components/hooks/useStudies';
import type { AnalyticsQuery } from '@/components/hooks/useAnalytics';

/** The corpus, one strategy run's notebooks or one study sample's figures; originals or reproductions. */
export function PopulationPicker({ q, set, study, setStudy }: { q: AnalyticsQuery; set: (p: Partial<AnalyticsQuery>) => void; study: number | null; setStudy: (s: number | null) => void }) {
  const runs = useCollectionRuns({});
  const studies = useStudies();
  const samples = useSamples(study ?? 0);
  return (
    <div className="toolbar" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'end' }}>
      <label>
        Population{' '}
        <select aria-label="Population" value={q.source} onChange={(e) => set({ source: e.target.value as AnalyticsQuery['source'], id: undefined })}>
          <option value="corpus">The whole corpus</option>
          <option value="run">A strategy run</option>
          <option value="sample">A study&apos;s sample</option>
        </select>
      </label>
      {q.source === 'run' && (
        <label>
          Run{' '}
          <select aria-label="Run" value={q.id ?? ''} onChange={(e) => set({ id: Number(e.target.value) || undefined })}>
            <option value="">choose…</option>
            {runs.data?.runs.map((r) => (
              <option key={r.id} value={r.id}>
                run #{r.id} ({r.status})
              </option>
            ))}
          </select>
        </label>
      )}
      {q.source === 'sample' && (
        <>
          <label>
            Study{' '}
            <select aria-label="Study" value={study ?? ''} onChange={(e) => setStudy(Number(e.target.value) || null)}>
              <option value="">choose…</option>
              {studies.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {study && (
            <label>
              Sample{' '}
              <select aria-label="Sample" value={q.id ?? ''} onChange={(e) => set({ id: Number(e.target.value) || undefined })}>
                <option value="">choose…</option>
                {samples.data?.samples.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.items} items)
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      <label>
        Notebooks{' '}
        <select aria-label="Originals or reproductions" value={q.origin} onChange={(e) => set({ origin: e.target.value as AnalyticsQuery['origin'] })}>
          <option value="originals">Originals</option>
          <option value="reproductions">Reproductions</option>
          <option value="both">Both</option>
        </select>
      </label>
    </div>
  );
}
