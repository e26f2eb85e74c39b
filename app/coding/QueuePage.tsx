'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { useQueue } from '@/components/hooks/useCoding';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import styles from '@/components/coding/coding.module.css';
import { plural } from '@/lib/text/plural';

/** My queue across studies: progress per sample, every item; Enter opens the next pending one. */
export function QueuePage() {
  const router = useRouter();
  const finished = useSearchParams().get('finished');
  const { data, error, isPending } = useQueue();
  const next = data?.nextPendingId;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.target instanceof HTMLInputElement || e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) return;
      if (next) router.push(`/coding/${next}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, router]);

  if (isPending) return <Skeleton height={48} count={4} />;
  if (error) return <ErrorState error={error} />;
  const total = data.samples.reduce((a, s) => a + s.total, 0);
  const done = data.samples.reduce((a, s) => a + s.done, 0);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My coding queue</h1>
          <p className="sub">{total ? `${done} of ${plural(total, 'item')} submitted across ${plural(data.samples.length, 'sample')}` : 'Items assigned to you to code'}</p>
        </div>
        {next && (
          <Link className="btn primary" href={`/coding/${next}`} data-testid="continue">
            Continue coding <span className="kbd">Enter</span>
          </Link>
        )}
      </div>
      {finished && !next && total > 0 && (
        <div className="panel" style={{ marginBottom: 12, background: 'var(--ok-soft)', color: 'var(--ok)' }} role="status">
          All your items are submitted or skipped. Skipped ones are still in the list below: open one to code it.
        </div>
      )}
      {total === 0 ? (
        <EmptyState title="Nothing to code yet">
          Items appear here once a supervisor draws a sample in a study you belong to and assigns it to you (on the study’s Samples page).
        </EmptyState>
      ) : (
        data.samples.map((s) => (
          <section key={s.id} className="panel" style={{ marginBottom: 16 }} data-testid="queue-sample">
            <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
              <div>
                <strong>{s.name}</strong> <span className="sub">· {s.studyName}{s.blind ? ' · blind' : ''}</span>
              </div>
              <span className="sub">
                {s.done} done · {s.skipped} skipped · {s.left} left{s.flagged ? ` · ${s.flagged} flagged` : ''}
              </span>
            </div>
            <div className={styles.bars} title={`${s.done} submitted, ${s.skipped} skipped of ${s.total}`}>
              <div className={styles.done} style={{ width: `${(100 * s.done) / s.total}%` }} />
              <div className={styles.skipped} style={{ width: `${(100 * s.skipped) / s.total}%` }} />
            </div>
            <table className="list" style={{ marginTop: 10 }}>
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>Figure</th>
                  <th>Status</th>
                  <th className="num">Codes</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {data.items
                  .filter((i) => i.sampleId === s.id)
                  .map((i) => (
                    <tr key={i.assignmentId} className={`${styles.queueRow} ${i.assignmentId === next ? styles.current : ''}`} onClick={() => router.push(`/coding/${i.assignmentId}`)} data-testid="queue-item" data-status={i.status}>
                      <td className="num">{i.position + 1}</td>
                      <td>
                        <div className="row">
                          {i.blobSha256 && (
                            // eslint-disable-next-line @next/next/no-img-element -- an <img> never runs an SVG's scripts
                            <img src={`/api/blobs/${i.blobSha256}${i.hasThumbnail ? '/thumbnail' : ''}`} alt="" style={{ width: 64, height: 40, objectFit: 'contain', background: '#fff', border: '1px solid var(--border)', borderRadius: 4 }} />
                          )}
                          <Link href={`/coding/${i.assignmentId}`}>visualisation #{i.visualisationId}</Link> <span className="badge">{i.kind}</span>
                        </div>
                      </td>
                      <td>
                        <span className="badge" style={i.status === 'submitted' ? { background: 'var(--ok-soft)', color: 'var(--ok)' } : undefined}>{i.status}</span>
                        {i.flagged && <span className="badge" style={{ background: 'var(--warn-soft)', color: 'var(--warn)' }}>flagged</span>}
                        {i.hasMemo && <span className="badge">memo</span>}
                      </td>
                      <td className="num">{i.codings}</td>
                      <td className="num">{i.assignmentId === next ? <span className="kbd">Enter</span> : null}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </>
  );
}
