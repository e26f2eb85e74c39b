'use client';
import { useCallback } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useProgress } from '@/components/hooks/useProgress';
import { useStudies } from '@/components/hooks/useStudies';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { StudyPicker } from '@/components/agreement/StudyPicker';
import { FunnelPanel } from '@/components/progress/FunnelPanel';
import { CodersPanel } from '@/components/progress/CodersPanel';
import { AgreementTrendPanel, SaturationPanel } from '@/components/progress/TrendPanels';

export function ProgressView() {
  const params = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const raw = params.get('study');
  const study = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const onStudy = useCallback((id: number) => router.replace(`${path}?study=${id}`), [router, path]);
  const studies = useStudies();
  const { data, error, dataUpdatedAt } = useProgress(study);

  if (studies.data && studies.data.length === 0) {
    return (
      <EmptyState title="No studies yet" action={{ href: '/studies', label: 'Go to studies' }}>
        The dashboard follows one study: create a study, build its codebook, draw a sample and assign it to coders, then watch them work here.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Progress</h1>
          <p className="sub">
            Live: refreshed every 5 seconds{dataUpdatedAt ? ` · last at ${new Date(dataUpdatedAt).toLocaleTimeString('en-GB')}` : ''}
          </p>
        </div>
        <StudyPicker study={study} onStudy={onStudy} />
      </div>
      {error ? (
        <ErrorState error={error} />
      ) : !data ? (
        <Skeleton height={220} count={2} />
      ) : (
        <div className="grid-2">
          <FunnelPanel funnel={data.funnel} />
          <CodersPanel coders={data.coders} />
          <AgreementTrendPanel points={data.agreement} />
          <SaturationPanel saturation={data.saturation} />
        </div>
      )}
    </>
  );
}
