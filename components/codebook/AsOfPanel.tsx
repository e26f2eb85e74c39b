'use client';
import { useCodebook, useCodebookCompare, type CodebookThen } from '@/components/hooks/useCodebook';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { CodeTree } from './CodeTree';

/** A datetime-local value (local time, minutes) from an ISO instant, and back. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const show = (v: unknown) => (v === null || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));

/** The codebook as it stood at a chosen time, beside what changed from then to today. */
export function AsOfPanel({ studyId, at, onAtChange }: { studyId: number; at: string; onAtChange: (iso: string) => void }) {
  const then = useCodebook(studyId, at);
  const diff = useCodebookCompare(studyId, at);
  return (
    <div className="cb-asof">
      <div className="row" style={{ marginBottom: 12 }}>
        <label htmlFor="cb-at">
          <strong>Codebook as of</strong>
        </label>
        <input
          id="cb-at"
          type="datetime-local"
          step={1}
          value={toLocalInput(at)}
          onChange={(e) => e.target.value && onAtChange(new Date(e.target.value).toISOString())}
        />
        <span className="sub">Pick a time, or “View as of then” on a history entry.</span>
      </div>
      <div className="grid-2">
        <section className="panel" aria-label="Codebook then">
          <h2>Then</h2>
          {then.error ? <ErrorState error={then.error} /> : then.isPending ? <Skeleton /> : (then.data as CodebookThen).codes.length === 0 ? <p className="sub">The codebook was empty at that time.</p> : <CodeTree tree={(then.data as CodebookThen).tree} label="Codebook then" showMerged />}
        </section>
        <section className="panel" aria-label="Changes since then">
          <h2>From then to today</h2>
          {diff.error ? (
            <ErrorState error={diff.error} />
          ) : diff.isPending ? (
            <Skeleton />
          ) : !diff.data.added.length && !diff.data.removed.length && !diff.data.changed.length ? (
            <p className="sub">Nothing has changed since then.</p>
          ) : (
            <div data-testid="codebook-diff">
              {diff.data.added.length > 0 && (
                <>
                  <div className="section-title">Added</div>
                  <ul className="cb-diff">
                    {diff.data.added.map((a) => <li key={a.id} className="added">+ {a.path.join(' / ')}</li>)}
                  </ul>
                </>
              )}
              {diff.data.removed.length > 0 && (
                <>
                  <div className="section-title">Gone</div>
                  <ul className="cb-diff">
                    {diff.data.removed.map((a) => <li key={a.id} className="removed">− {a.path.join(' / ')}</li>)}
                  </ul>
                </>
              )}
              {diff.data.changed.length > 0 && (
                <>
                  <div className="section-title">Changed</div>
                  <ul className="cb-diff">
                    {diff.data.changed.map((c) => (
                      <li key={c.id}>
                        <strong>{c.path.join(' / ')}</strong>
                        <ul>
                          {c.changes.map((f) => (
                            <li key={f.field}>
                              {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
