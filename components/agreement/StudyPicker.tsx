'use client';
import { useEffect } from 'react';
import { useStudies, type StudySummary } from '@/components/hooks/useStudies';

/**
 * The study (and optionally sample) the page shows, kept in the URL (?study=&sample=) so a view can
 * be bookmarked and shared. With no study in the URL, the most recent study is picked.
 */
export function StudyPicker({
  study,
  onStudy,
  samples,
  sample,
  onSample,
}: {
  study: number | null;
  onStudy: (id: number) => void;
  samples?: { id: number; name: string }[];
  sample?: number | null;
  onSample?: (id: number | null) => void;
}) {
  const { data } = useStudies();
  useEffect(() => {
    if (study === null && data && data.length > 0) onStudy(data[0].id);
  }, [study, data, onStudy]);
  return (
    <div className="row" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <label>
        <span className="sub" style={{ marginRight: 6 }}>Study</span>
        <select aria-label="Study" value={study ?? ''} onChange={(e) => onStudy(Number(e.target.value))}>
          {study === null && <option value="">—</option>}
          {(data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {samples && onSample && (
        <label>
          <span className="sub" style={{ marginRight: 6 }}>Sample</span>
          <select aria-label="Sample" value={sample ?? ''} onChange={(e) => onSample(e.target.value ? Number(e.target.value) : null)}>
            <option value="">All samples</option>
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** The caller's role in a study, from the studies list (admins see every study as 'admin'). */
export function roleIn(studies: StudySummary[] | undefined, id: number | null): string | null {
  return studies?.find((s) => s.id === id)?.myRole ?? null;
}
