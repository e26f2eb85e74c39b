'use client';
import { useCallback } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useAgreement, useDisagreements } from '@/components/hooks/useAgreement';
import { useStudies } from '@/components/hooks/useStudies';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { VegaChart } from '@/components/charts/VegaChart';
import { alphaPerCodeSpec } from '@/components/charts/specs/agreement';
import { OverallTable, PerCodeTable } from '@/components/agreement/FiguresTable';
import { DisagreementList } from '@/components/agreement/DisagreementList';
import { StudyPicker, roleIn } from '@/components/agreement/StudyPicker';
import { BySample } from '@/components/agreement/BySample';
import { MachineCoder } from '@/components/agreement/MachineCoder';

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

export function AgreementView() {
  const params = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const study = num(params.get('study'));
  const sample = num(params.get('sample'));
  const go = useCallback((s: number | null, smp: number | null) => router.replace(`${path}?study=${s}${smp ? `&sample=${smp}` : ''}`), [router, path]);
  const onStudy = useCallback((id: number) => go(id, null), [go]);
  const studies = useStudies();
  const scope = study ? { study, ...(sample ? { sample } : {}) } : null;
  const agreement = useAgreement(scope);
  const disagreements = useDisagreements(scope);
  const role = roleIn(studies.data, study);
  const canExport = role === 'supervisor' || role === 'admin';
  const download = (f: 'csv' | 'json') => `/api/studies/${study}/codings.${f}${sample ? `?sample=${sample}` : ''}`;

  if (studies.data && studies.data.length === 0) {
    return (
      <EmptyState title="No studies yet" action={{ href: '/studies', label: 'Go to studies' }}>
        Agreement is computed per study. Create a study (or ask a supervisor to add you to one), draw a sample with some overlap, and
        let two coders code it: their figures appear here.
      </EmptyState>
    );
  }
  const report = agreement.data?.report;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Agreement</h1>
          <p className="sub">
            {agreement.data ? `${agreement.data.study.name}${sample ? ` · ${agreement.data.samples.find((s) => s.id === sample)?.name ?? ''}` : ' · all samples'}` : 'Inter-coder agreement, overall and per code'}
          </p>
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <StudyPicker study={study} onStudy={onStudy} samples={agreement.data?.samples} sample={sample} onSample={(s) => go(study, s)} />
          {study && canExport && (
            <>
              <a className="btn" href={download('csv')} download>
                Codings CSV
              </a>
              <a className="btn" href={download('json')} download>
                JSON
              </a>
            </>
          )}
        </div>
      </div>
      {agreement.error ? (
        <ErrorState error={agreement.error} />
      ) : !report ? (
        <Skeleton height={160} count={2} />
      ) : report.overall.items === 0 ? (
        <EmptyState title="Nothing to compare yet" action={study ? { href: `/studies/${study}/samples`, label: 'Samples of this study' } : undefined}>
          Agreement needs items submitted by at least two coders ({report.overall.coders} coder{report.overall.coders === 1 ? ' has' : 's have'} submitted
          here). Draw a sample with an overlap (a share of items coded twice), assign it to two or more coders, and the figures appear as they submit.
        </EmptyState>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
          <section>
            <h2>Overall</h2>
            <OverallTable figures={report.overall} />
          </section>
          {sample === null && agreement.data!.samples.length > 1 && <BySample samples={agreement.data!.samples} onPick={(id) => go(study, id)} />}
          <div className="grid-2">
            <section className="panel">
              <h2>Krippendorff&apos;s α per code</h2>
              {report.perCode.some((c) => c.alpha !== null) ? (
                <VegaChart spec={alphaPerCodeSpec(report.perCode)} label="Krippendorff's alpha per code" />
              ) : (
                <p className="sub">α is undefined for every code (see the table for why).</p>
              )}
            </section>
            <section>
              <h2>Per code</h2>
              <PerCodeTable rows={report.perCode} />
            </section>
          </div>
          <MachineCoder scope={scope!} />
          <section>
            <h2>Disagreements {disagreements.data ? <span className="badge">{disagreements.data.disagreements.length}</span> : null}</h2>
            {disagreements.error ? (
              <ErrorState error={disagreements.error} />
            ) : !disagreements.data ? (
              <Skeleton height={48} count={3} />
            ) : disagreements.data.disagreements.length === 0 ? (
              <p className="sub">No disagreements: every item coded by two or more coders got the same codes from each{canExport ? '' : ' (you see the items you coded, once all their coders have submitted)'}.</p>
            ) : (
              <DisagreementList rows={disagreements.data.disagreements} study={study!} sample={sample} />
            )}
          </section>
        </div>
      )}
    </>
  );
}
