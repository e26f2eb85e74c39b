'use client';
import { useEffect, useState } from 'react';
import type { ItemComparison } from '@/components/hooks/useAgreement';
import { useRecordConsensus } from '@/components/hooks/useAgreement';
import { RegionImage } from '@/components/coding/RegionImage';
import { nudgeRegion } from '@/components/coding/keymap';
import styles from '@/components/coding/coding.module.css';
import type { Region } from '@/lib/db/schema/coding';
import { consensusKey, type ConsensusMode } from './consensusKeys';

export interface Draft {
  codeId: number;
  region: Region | null;
  memo: string;
}

type Codes = ItemComparison['codes'];
type Coding = ItemComparison['coders'][number]['codings'][number];

/** Where a keyboard-drawn region starts (as in the coding workspace). */
const START: Region = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };
const isTyping = (t: EventTarget | null) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/** The drafts with coders' codings carried over (region and memo included); one already there is not doubled. */
export function adoptCodings(drafts: Draft[], codings: Pick<Coding, 'codeId' | 'region' | 'memo'>[]): Draft[] {
  let out = drafts;
  for (const c of codings) out = [...out.filter((d) => !(d.codeId === c.codeId && sameRegion(d.region, c.region))), { codeId: c.codeId, region: c.region, memo: c.memo }];
  return out;
}

/**
 * The consensus being decided, and the figure with its regions: codes chosen from the codebook,
 * carried over from a coder's codings (u then the coder's number, or "Use"), or drawn as a new
 * region (r, then drag or arrows, Enter, then the code), saved as one replacement.
 * Keys: see ./consensusKeys.ts.
 */
export function ConsensusEditor({ item, drafts, setDrafts, onSaved, onNext }: { item: ItemComparison; drafts: Draft[]; setDrafts: (d: Draft[]) => void; onSaved?: () => void; onNext?: () => void }) {
  const save = useRecordConsensus(item.item.id);
  const [saved, setSaved] = useState(false);
  const [mode, setMode] = useState<ConsensusMode>('idle');
  const [draft, setDraft] = useState<Region | null>(null);
  const [zoom, setZoom] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const [keysOn, setKeysOn] = useState(false);
  const byId = new Map(item.codes.map((c) => [c.id, c]));
  const hasImage = item.item.blobSha256 !== null;
  const change = (d: Draft[]) => {
    setSaved(false);
    setDrafts(d);
  };
  const toggle = (codeId: number) =>
    change(drafts.some((d) => d.codeId === codeId && !d.region) ? drafts.filter((d) => !(d.codeId === codeId && !d.region)) : [...drafts, { codeId, region: null, memo: '' }]);
  const applyRegion = (codeId: number) => {
    if (draft) change(adoptCodings(drafts, [{ codeId, region: draft, memo: '' }]));
    setDraft(null);
    setMode('idle');
  };
  const startDrawing = () => {
    if (!hasImage) return setNotice('Regions need a static image, and this figure has none: choose codes for the whole figure instead.');
    setNotice(null);
    setDraft(START);
    setMode('region');
  };
  const takeCoder = (i: number) => {
    setMode('idle');
    const coder = item.coders[i];
    if (!coder) return setNotice(`There is no coder ${i + 1}: the columns are numbered 1 to ${item.coders.length}.`);
    if (coder.codings.length === 0) return setNotice(`${coder.name ?? coder.coder} has no submitted codings to use.`);
    setNotice(null);
    change(adoptCodings(drafts, coder.codings));
  };
  const cancel = () => {
    setDraft(null);
    setMode('idle');
    setNotice(null);
  };
  const submit = () =>
    save.mutate(
      drafts.map((d) => ({ codeId: d.codeId, region: d.region, memo: d.memo })),
      { onSuccess: () => (setSaved(true), onSaved?.()) },
    );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      const a = consensusKey(e, mode, item.codes);
      if (!a) return;
      e.preventDefault();
      switch (a.type) {
        case 'save': return submit();
        case 'toggle': return toggle(a.codeId);
        case 'apply-region': return applyRegion(a.codeId);
        case 'draw': return startDrawing();
        case 'nudge': return setDraft((d) => nudgeRegion(d ?? START, a.key, a.resize));
        case 'region-done': return setMode('region-choose');
        case 'use-start':
          setNotice(null);
          return setMode('use');
        case 'use': return takeCoder(a.coder);
        case 'next': return onNext?.();
        case 'cancel': return cancel();
      }
    };
    window.addEventListener('keydown', onKey);
    setKeysOn(true);
    return () => window.removeEventListener('keydown', onKey);
  });

  const regions = drafts
    .filter((d) => d.region)
    .map((d) => ({ region: d.region!, colour: byId.get(d.codeId)?.colour ?? '#111827', label: byId.get(d.codeId)?.path ?? '', mine: true }));

  return (
    <div className="grid-2">
      <section className="panel" aria-label="Consensus" data-keys={keysOn ? 'ready' : undefined}>
        <h2>Consensus</h2>
        <p className="sub" style={{ fontSize: 12.5, marginBottom: 8 }}>
          Kept apart from the coders&apos; own codings: agreement figures never include it. Choose codes below, “Use” a coder&apos;s coding to carry it over with its region, or draw a new region.
        </p>
        <p className="sub" style={{ fontSize: 12.5, marginBottom: 8, display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }} data-testid="consensus-keys">
          <span>a code&apos;s <span className="kbd">key</span> toggles it</span>
          <span><span className="kbd">r</span> draw a region</span>
          <span><span className="kbd">u</span> then <span className="kbd">1</span>–<span className="kbd">{Math.max(item.coders.length, 1)}</span> use that coder&apos;s codings</span>
          <span><span className="kbd">Ctrl</span>+<span className="kbd">Enter</span> save</span>
          {onNext && <span><span className="kbd">]</span> next disagreement</span>}
          <span><span className="kbd">Esc</span> cancel</span>
        </p>
        {mode === 'region' && (
          <div className={`${styles.banner} ${styles.bannerInfo}`} style={{ marginBottom: 8 }} data-testid="drawing-region">
            Region: drag on the figure, or <span className="kbd">arrows</span> move and <span className="kbd">Shift</span>+<span className="kbd">arrows</span> resize; <span className="kbd">Enter</span> then choose the code; <span className="kbd">Esc</span> cancels.
          </div>
        )}
        {mode === 'region-choose' && (
          <div className={`${styles.banner} ${styles.bannerInfo}`} style={{ marginBottom: 8 }} data-testid="choose-region-code">
            Now the region&apos;s code: click it, press its key, or its number <span className="kbd">1</span>–<span className="kbd">{Math.min(item.codes.length, 9)}</span>; <span className="kbd">Esc</span> cancels.
          </div>
        )}
        {mode === 'use' && (
          <div className={`${styles.banner} ${styles.bannerInfo}`} style={{ marginBottom: 8 }} data-testid="choose-coder">
            Use whose codings?{' '}
            {item.coders.map((c, i) => (
              <span key={c.userId} style={{ marginRight: 8 }}>
                <span className="kbd">{i + 1}</span> {c.name ?? c.coder}
              </span>
            ))}
            <span className="kbd">Esc</span> cancels.
          </div>
        )}
        {notice && <div className={`${styles.banner} ${styles.bannerWarn}`} style={{ marginBottom: 8 }} role="status">{notice}</div>}
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
                  onChange={(e) => change(drafts.map((x, j) => (j === i ? { ...x, memo: e.target.value } : x)))}
                  style={{ flex: 1, minWidth: 80 }}
                />
                <button className="btn" aria-label={`Remove ${byId.get(d.codeId)?.path}`} onClick={() => change(drafts.filter((_, j) => j !== i))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <CodeChooser
          codes={item.codes}
          chosen={new Set(drafts.filter((d) => !d.region).map((d) => d.codeId))}
          numbered={mode === 'region-choose'}
          onToggle={(id) => (mode === 'region-choose' ? applyRegion(id) : toggle(id))}
        />
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 12, flexWrap: 'wrap' }}>
          <button className="btn primary" onClick={submit} disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save consensus'} <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span>
          </button>
          <button className="btn" onClick={mode === 'region' || mode === 'region-choose' ? cancel : startDrawing} disabled={!hasImage}>
            {mode === 'region' || mode === 'region-choose' ? 'Cancel region' : 'Draw a region'} <span className="kbd">{mode === 'region' || mode === 'region-choose' ? 'Esc' : 'r'}</span>
          </button>
          {saved && !save.isPending && <span className="badge ok" role="status">Saved</span>}
          {save.error && (
            <span className="error-box" role="alert" style={{ padding: '4px 8px' }}>
              Could not save: {save.error.message}
            </span>
          )}
        </div>
      </section>
      <section className="panel" aria-label="Consensus regions">
        <h2>Consensus regions</h2>
        {hasImage ? (
          <RegionImage
            src={`/api/blobs/${item.item.blobSha256}`}
            alt="Figure with the consensus regions"
            zoom={zoom}
            onZoom={(by) => setZoom((z) => Math.min(8, Math.max(1, z * (by === 1 ? 1.25 : 0.8))))}
            regions={regions}
            draft={mode === 'region' || mode === 'region-choose' ? draft : null}
            drawing={mode === 'region'}
            onDraft={setDraft}
            onDraftDone={() => setMode('region-choose')}
          />
        ) : (
          <div className="kind-tile" style={{ padding: 24 }}>This figure has no image (an interactive figure): open it from the visualisation page.</div>
        )}
      </section>
    </div>
  );
}

function CodeChooser({ codes, chosen, numbered, onToggle }: { codes: Codes; chosen: Set<number>; numbered: boolean; onToggle: (id: number) => void }) {
  if (codes.length === 0) return <p className="sub">The codebook has no active codes: add some on the study&apos;s codebook page.</p>;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} role="group" aria-label="Codebook">
      {codes.map((c, i) => (
        <button
          key={c.id}
          className={`btn ${chosen.has(c.id) ? 'primary' : ''}`}
          aria-pressed={chosen.has(c.id)}
          onClick={() => onToggle(c.id)}
          style={{ fontSize: 12.5, padding: '3px 8px', borderLeft: `4px solid ${c.colour}` }}
        >
          {numbered && i < 9 && <span className="kbd">{i + 1}</span>}
          {c.path}
          {c.shortcut && <span className="kbd">{c.shortcut}</span>}
        </button>
      ))}
    </div>
  );
}

function sameRegion(a: Draft['region'], b: Draft['region']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const fmt = (r: Region) => `${Math.round(r.x * 100)}%,${Math.round(r.y * 100)}% ${Math.round(r.w * 100)}×${Math.round(r.h * 100)}%`;
