'use client';
import Link from 'next/link';
import { useSamples } from '@/components/hooks/useSamples';
import { useStudy } from '@/components/hooks/useStudies';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { SampleCard } from '@/components/coding/SampleCard';
import { SampleForm } from '@/components/coding/SampleForm';

/** A study's samples: draw one from the gallery, assign it, watch its progress. */
export function SamplesPage({ studyId }: { studyId: number }) {
  const study = useStudy(studyId);
  const samples = useSamples(studyId);
  if (study.error) return <ErrorState error={study.error} />;
  if (samples.error) return <ErrorState error={samples.error} />;
  if (study.isPending || samples.isPending) return <Skeleton height={120} count={3} />;
  const canManage = study.data.myRole !== 'coder';
  const list = samples.data.samples;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Samples</h1>
          <p className="sub">
            <Link href={`/studies/${studyId}`}>{study.data.name}</Link> · what is coded, and by whom
          </p>
        </div>
        <Link className="btn" href="/coding">My queue</Link>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: canManage ? 'minmax(0, 1fr) minmax(0, 1fr)' : '1fr', gap: 20, alignItems: 'start' }}>
        {canManage && <SampleForm studyId={studyId} onCreated={() => void samples.refetch()} />}
        <div>
          {list.length === 0 ? (
            <EmptyState title="No samples yet">
              {canManage
                ? 'Draw one with the form: choose which figures (the gallery’s filters), how many (all, N or P % at random, or stratified), and a seed so it can be drawn again. Then assign it to coders.'
                : 'A supervisor of this study draws samples and assigns them; your items then appear in your coding queue.'}
            </EmptyState>
          ) : (
            list.map((s) => <SampleCard key={s.id} studyId={studyId} sample={s} members={study.data.members} canManage={canManage} />)
          )}
        </div>
      </div>
    </>
  );
}
