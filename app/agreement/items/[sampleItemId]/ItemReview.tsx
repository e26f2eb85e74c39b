'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useAgreementItem, useDisagreements, type ItemComparison } from '@/components/hooks/useAgreement';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { RegionImage } from '@/components/agreement/RegionImage';
import { adoptCodings, ConsensusEditor, type Draft } from '@/components/agreement/ConsensusEditor';
import { NotebookRef } from '@/components/notebook/NotebookRef';
import { cellLabel } from '@/lib/notebooks/cell-label';

const PALETTE = ['#3559e0', '#e45756', '#2e9d5b', '#b15fd1', '#e0a019'];

export function ItemReview({ sampleItemId }: { sampleItemId: number }) {
  const params = useSearchParams();
  const router = useRouter();
  const study = Number(params.get('study')) || null;
  const sample = Number(params.get('sample')) || null;
  const back = study ? `/agreement?study=${study}${sample ? `&sample=${sample}` : ''}` : '/agreement';
  const { data, error } = useAgreementItem(sampleItemId);
  const list = useDisagreements(study ? { study, ...(sample ? { sample } : {}) } : null);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  useEffect(() => {
    if (data && drafts === null) setDrafts(data.consensus.map((c) => ({ codeId: c.codeId, region: c.region, memo: c.memo })));
  }, [data, drafts]);

  // The next open disagreement after this one, so a reviewer can work through the list.
  const rows = list.data?.disagreements ?? [];
  const here = rows.findIndex((r) => r.sampleItemId === sampleItemId);
  const next = [...rows.slice(here + 1), ...rows.slice(0, Math.max(here, 0))].find((r) => !r.resolved && r.sampleItemId !== sampleItemId);
  const nextHref = next ? `/agreement/items/${next.sampleItemId}${study ? `?study=${study}${sample ? `&sample=${sample}` : ''}` : ''}` : null;

  if (error) {
    return (
      <>
        <p><Link href={back}>← Agreement</Link></p>
        <ErrorState error={error} />
      </>
    );
  }
  if (!data || drafts === null) return <Skeleton height={320} />;
  const colour = (i: number) => PALETTE[i % PALETTE.length];
  const adopt = (codings: ItemComparison['coders'][number]['codings']) => setDrafts(adoptCodings(drafts, codings));

  return (
    <>
      <div className="page-head">
        <div>
          <p style={{ margin: 0 }}><Link href={back}>← Agreement</Link></p>
          <h1>Item #{data.item.id}</h1>
          <p className="sub">
            {data.item.sampleName} · <Link href={`/visualisations/${data.item.visualisationId}`}>{data.item.notebookTitle}</Link> · <NotebookRef fileName={data.item.fileName} kaggleRef={data.item.notebookRef === data.item.fileName ? null : data.item.notebookRef} /> ·{' '}
            <span data-testid="cell-number">{cellLabel(data.item.cell)}</span>
          </p>
        </div>
        {nextHref && (
          <button className="btn" onClick={() => router.push(nextHref)}>
            Next open disagreement → <span className="kbd">]</span>
          </button>
        )}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${Math.max(data.coders.length, 1)}, minmax(0, 1fr))`, gap: 16, marginBottom: 16 }} data-testid="side-by-side">
        {data.coders.map((coder, i) => (
          <section key={coder.userId} className="panel" aria-label={`Codings of ${coder.coder}`}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
              <h2 style={{ color: colour(i) }}>
                <span className="kbd" title={`coder ${i + 1}`}>{i + 1}</span> {coder.name ?? coder.coder} <span className="sub" style={{ fontSize: 12, fontWeight: 400 }}>{coder.coder}</span>
              </h2>
              {coder.codings.length > 0 && (
                <button className="btn" style={{ marginLeft: 'auto', fontSize: 12, padding: '2px 8px' }} onClick={() => adopt(coder.codings)} aria-label={`Use all of ${coder.coder}'s codings`}>
                  Use all <span className="kbd">u</span><span className="kbd">{i + 1}</span>
                </button>
              )}
            </div>
            <RegionImage
              sha={data.item.blobSha256}
              alt={`Figure as coded by ${coder.coder}`}
              regions={coder.codings.filter((c) => c.region).map((c) => ({ region: c.region!, colour: colour(i), label: c.codePath }))}
              maxHeight={300}
            />
            {coder.status !== 'submitted' ? (
              <p className="sub">{coder.status === 'skipped' ? 'Skipped this item.' : 'Still coding: their codings are not shown until submitted.'}</p>
            ) : coder.codings.length === 0 ? (
              <p className="sub">Submitted with no code.</p>
            ) : (
              <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
                {coder.codings.map((c) => (
                  <li key={c.id} style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 4 }}>
                    <span className="badge accent">{c.codePath}</span>
                    {c.region && <span className="sub" style={{ fontSize: 12 }}>region</span>}
                    {c.memo && <span className="sub" style={{ fontSize: 12 }} title={c.memo}>“{c.memo.slice(0, 60)}”</span>}
                    <button className="btn" style={{ marginLeft: 'auto', fontSize: 12, padding: '2px 8px' }} onClick={() => adopt([c])} aria-label={`Use ${coder.coder}'s ${c.codePath}`}>
                      Use
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {coder.memo && <p className="sub" style={{ fontSize: 12 }}>Item memo: {coder.memo}</p>}
          </section>
        ))}
      </div>
      <ConsensusEditor item={data} drafts={drafts} setDrafts={setDrafts} onNext={nextHref ? () => router.push(nextHref) : undefined} />
    </>
  );
}
