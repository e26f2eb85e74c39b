'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useCodebook, type CodebookToday } from '@/components/hooks/useCodebook';
import { useStudy } from '@/components/hooks/useStudies';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { CodebookTab } from '@/components/codebook/CodebookTab';
import { HistoryPanel } from '@/components/codebook/HistoryPanel';
import { AsOfPanel } from '@/components/codebook/AsOfPanel';
import { SaturationPanel } from '@/components/codebook/SaturationPanel';
import { ImportExport } from '@/components/codebook/ImportExport';
import { MachineLabelsPanel } from '@/components/codebook/MachineLabelsPanel';
import { pathLabels } from '@/components/codebook/tree-utils';
import { plural } from '@/lib/text/plural';

type Tab = 'codebook' | 'history' | 'asof' | 'saturation' | 'machine';

const TABS: Array<[Tab, string]> = [
  ['codebook', 'Codebook'],
  ['history', 'History'],
  ['asof', 'As of…'],
  ['saturation', 'Saturation'],
  ['machine', 'Machine labels'],
];

export function CodebookPage({ studyId }: { studyId: number }) {
  const study = useStudy(studyId);
  // Refetched when its tab opens again: codings made meanwhile change the counts of uses.
  const book = useCodebook(studyId);
  const [tab, setTab] = useState<Tab>('codebook');
  const [at, setAt] = useState(() => new Date(Date.now() - 24 * 3600_000).toISOString());
  const canManage = study.data?.myRole === 'admin' || study.data?.myRole === 'supervisor';
  const data = book.data as CodebookToday | undefined;
  const names = useMemo(() => pathLabels(data?.codes ?? []), [data]);

  return (
    <>
      <div className="page-head">
        <div>
          <p className="sub">
            <Link href="/studies">Studies</Link> / <Link href={`/studies/${studyId}`}>{study.data?.name ?? `Study ${studyId}`}</Link> /
          </p>
          <h1>Codebook</h1>
          <p className="sub">{data ? summary(data) : ' '}</p>
        </div>
        {data && study.data && <ImportExport studyId={studyId} canManage={canManage} hasCodes={data.codes.some((c) => c.status !== 'merged')} />}
      </div>
      <div className="cb-tabs" role="tablist">
        {TABS.map(([t, label]) => (
          <button key={t} role="tab" aria-selected={tab === t} className={`cb-tab ${tab === t ? 'active' : ''}`} onClick={() => (setTab(t), t === 'codebook' && void book.refetch())}>
            {label}
          </button>
        ))}
      </div>
      {book.error || study.error ? (
        <ErrorState error={book.error ?? study.error} />
      ) : !data || !study.data ? (
        // The study says whether this member may change the codebook: wait for it, so coders and supervisors never see the other's view.
        <Skeleton height={48} count={5} />
      ) : tab === 'codebook' ? (
        <CodebookTab studyId={studyId} data={data} canManage={canManage} names={names} />
      ) : tab === 'history' ? (
        <HistoryPanel studyId={studyId} names={names} onViewAt={(iso) => (setAt(iso), setTab('asof'))} />
      ) : tab === 'asof' ? (
        <AsOfPanel studyId={studyId} at={at} onAtChange={setAt} />
      ) : tab === 'machine' ? (
        <MachineLabelsPanel studyId={studyId} data={data} names={names} canManage={canManage} />
      ) : (
        <SaturationPanel studyId={studyId} />
      )}
    </>
  );
}

function summary(data: CodebookToday): string {
  const live = data.codes.filter((c) => c.status !== 'merged');
  const codes = live.filter((c) => c.kind === 'code');
  const deprecated = live.filter((c) => c.status === 'deprecated').length;
  return `${plural(codes.length, 'code')} in ${plural(live.length - codes.length, 'category', 'categories')}${deprecated ? `, ${deprecated} deprecated` : ''}`;
}
