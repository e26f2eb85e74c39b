'use client';
import { useEffect, useState } from 'react';
import type { ItemComparison } from '@/components/hooks/useAgreement';
import { useRecordConsensus } from '@/components/hooks/useAgreement';
import type { Region } from '@/lib/db/schema/coding';

export interface Draft {
  codeId: number;
  region: Region | null;
  memo: string;
}

type Codes = ItemComparison['codes'];

/**
 * The consensus being decided: codes chosen from the codebook (or carried over from a coder's coding,
 * region included, with one click), saved as one replacement. Keys: a code's shortcut toggles it,
 * Ctrl/⌘+Enter saves.
 */
export function ConsensusEditor({ item, drafts, setDrafts, onSaved }: { item: ItemComparison; drafts: Draft[]; setDrafts: (d: Draft[]) => void; onSaved?: () => void }) {
  const save = useRecordConsensus(item.item.id);
  const [saved, setSaved] = useState(false);
  const byId = new Map(item.codes.map((c) => [c.id, c]));
  const toggle = (codeId: number) => {
    setSaved(false);
    setDrafts(drafts.some((d) => d.codeId === codeId) ? drafts.filter((d) => d.codeId !== codeId) : [...drafts, { codeId, region: null, memo: '' }]);
  };
  const submit = () =>
    save.mutate(
      drafts.map((d) => ({ codeId: d.codeId, region: d.region, memo: d.memo })),
      { onSuccess: () => (setSaved(true), onSaved?.()) },
    );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        submit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const code = item.codes.find((c) => c.shortcut && c.shortcut.toLowerCase() === e.key.toLowerCase());
      if (code) toggle(code.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="panel" aria-label="Consensus">
      <h2>Consensus</h2>
      <p className="sub" style={{ fontSize: 12.5, marginBottom: 8 }}>
        Kept apart from the coders&apos; own codings: agreement figures never include it. Choose codes below, or “Use” a coder&apos;s coding to carry it over with its region.
        Press a code&apos;s key to toggle it, <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span> to save.
      </p>
      {drafts.length === 0 ? (
        <p className="sub" data-testid="consensus-empty">No code chosen yet.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 8px' }} data-testid="consensus-drafts">
          {drafts.map((d, i) => (
            <li key={`${d.codeId}-${i}`} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
              <span className="badge accent">{byId.get(d.codeId)?.path ?? `code #${d.codeId}`}</span>
              {d.region && <span className="sub" style={{ fontSize: 12 }}>region {fmt(d.region)}</span>}
              <input
                type="text"
                aria-label={`Memo for ${byId.get(d.codeId)?.path}`}
                placeholder="memo (why)"
                value={d.memo}
                onChange={(e) => setDrafts(drafts.map((x, j) => (j === i ? { ...x, memo: e.target.value } : x)))}
                style={{ flex: 1, minWidth: 80 }}
              />
              <button className="btn" aria-label={`Remove ${byId.get(d.codeId)?.path}`} onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <CodeChooser codes={item.codes} chosen={new Set(drafts.map((d) => d.codeId))} onToggle={toggle} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 12 }}>
        <button className="btn primary" onClick={submit} disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save consensus'}
        </button>
        {saved && !save.isPending && <span className="badge ok" role="status">Saved</span>}
        {save.error && (
          <span className="error-box" role="alert" style={{ padding: '4px 8px' }}>
            Could not save: {save.error.message}
          </span>
        )}
      </div>
    </section>
  );
}

function CodeChooser({ codes, chosen, onToggle }: { codes: Codes; chosen: Set<number>; onToggle: (id: number) => void }) {
  if (codes.length === 0) return <p className="sub">The codebook has no active codes: add some on the study&apos;s codebook page.</p>;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} role="group" aria-label="Codebook">
      {codes.map((c) => (
        <button
          key={c.id}
          className={`btn ${chosen.has(c.id) ? 'primary' : ''}`}
          aria-pressed={chosen.has(c.id)}
          onClick={() => onToggle(c.id)}
          style={{ fontSize: 12.5, padding: '3px 8px', borderLeft: `4px solid ${c.colour}` }}
        >
          {c.path}
          {c.shortcut && <span className="kbd">{c.shortcut}</span>}
        </button>
      ))}
    </div>
  );
}

const fmt = (r: Region) => `${Math.round(r.x * 100)}%,${Math.round(r.y * 100)}% ${Math.round(r.w * 100)}×${Math.round(r.h * 100)}%`;
