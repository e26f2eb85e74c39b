'use client';
import { useSetOpenCoding, type StudyDetail } from '@/components/hooks/useStudies';

/** Whether coders may add codes while coding; supervisors change it, everyone else reads it. */
export function OpenCodingSetting({ study, manage }: { study: StudyDetail; manage: boolean }) {
  const set = useSetOpenCoding(study.id);
  return (
    <div className="panel" style={{ marginBottom: 16 }} data-testid="open-coding">
      <label className="row" style={{ gap: 8 }}>
        <input type="checkbox" checked={study.openCoding} disabled={!manage || set.isPending} onChange={(e) => set.mutate(e.target.checked)} />
        <strong>Open coding</strong>
      </label>
      <p className="sub" style={{ margin: '4px 0 0' }}>
        {study.openCoding ? 'Coders may add new codes from the coding workspace.' : 'Only the study’s supervisors add codes; coders choose among them.'}
      </p>
      {set.error && (
        <div className="error-box" role="alert">
          {set.error.message}
        </div>
      )}
    </div>
  );
}
