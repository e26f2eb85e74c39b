'use client';
import { useState } from 'react';
import { useAssignSample, type SampleSummary } from '@/components/hooks/useSamples';
import type { StudyMember } from '@/components/hooks/useStudies';
import styles from './coding.module.css';
import { plural } from '@/lib/text/plural';

function describe(def: Record<string, unknown>): string {
  const filters = Object.entries((def.filters as Record<string, unknown>) ?? {}).map(([k, v]) => `${k}=${v}`);
  const mode = def.mode === 'all' ? 'all' : def.mode === 'random-n' ? `${def.n} at random` : def.mode === 'random-percent' ? `${def.percent} % at random` : `stratified by ${def.stratifyBy}, ${def.percent !== undefined ? `${def.percent} % of each` : `${def.n} in all`}`;
  return `${mode}${filters.length ? ` of ${filters.join(', ')}` : ' of the whole gallery'}${def.mode !== 'all' ? ` · seed ${def.seed}` : ''}`;
}

/** One sample: how it was drawn, its progress per coder, and (until assigned) the assign form. */
export function SampleCard({ studyId, sample, members, canManage }: { studyId: number; sample: SampleSummary; members: StudyMember[]; canManage: boolean }) {
  const name = (id: string) => members.find((m) => m.userId === id)?.name ?? id;
  const pct = (a: number, b: number) => `${b ? (100 * a) / b : 0}%`;
  return (
    <section className="panel" style={{ marginBottom: 12 }} data-testid="sample">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div>
          <strong>{sample.name}</strong> <span className="badge">{plural(sample.items, 'item')}</span>
          {sample.assigned && <span className="badge">{sample.blind ? 'blind' : 'open'} · {sample.overlapPercent} % double-coded · {sample.order} order</span>}
          <div className="sub" style={{ fontSize: 12.5 }}>{describe(sample.definition as Record<string, unknown>)}</div>
        </div>
        {sample.assigned && <span className="sub">{sample.submitted} of {plural(sample.assignments, 'coding')} submitted</span>}
      </div>
      {sample.assigned ? (
        <div style={{ marginTop: 10, display: 'grid', gridTemplateColumns: '160px 1fr 110px', gap: '6px 10px', alignItems: 'center', fontSize: 13 }} data-testid="sample-progress">
          {sample.coders.map((c) => (
            <div key={c.userId} style={{ display: 'contents' }}>
              <span>{name(c.userId)}</span>
              <div className={styles.bars} title={`${c.submitted} submitted, ${c.skipped} skipped of ${c.total}`}>
                <div className={styles.done} style={{ width: pct(c.submitted, c.total) }} />
                <div className={styles.skipped} style={{ width: pct(c.skipped, c.total) }} />
              </div>
              <span className="sub">{c.submitted}/{c.total}</span>
            </div>
          ))}
        </div>
      ) : canManage ? (
        <AssignForm studyId={studyId} sampleId={sample.id} members={members} />
      ) : (
        <p className="sub">Not assigned yet: a supervisor assigns it to coders.</p>
      )}
    </section>
  );
}

function AssignForm({ studyId, sampleId, members }: { studyId: number; sampleId: number; members: StudyMember[] }) {
  const coders = members.filter((m) => m.role === 'coder');
  const [chosen, setChosen] = useState<string[]>(coders.map((m) => m.userId));
  const [overlap, setOverlap] = useState('20');
  const [order, setOrder] = useState<'random' | 'fixed'>('random');
  const [seed, setSeed] = useState('1');
  const [blind, setBlind] = useState(true);
  const assign = useAssignSample(studyId);
  if (members.length === 0) return <p className="sub">Add coders to the study (on its overview page) to assign this sample.</p>;
  return (
    <form
      style={{ marginTop: 10 }}
      data-testid="assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ sampleId, coderIds: chosen, overlapPercent: Number(overlap), order, seed: Number(seed), blind });
      }}
    >
      <div className="section-title">Assign to</div>
      <div className="field-row">
        {members.map((m) => (
          <label key={m.userId} className="choice">
            <input type="checkbox" checked={chosen.includes(m.userId)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.userId] : c.filter((x) => x !== m.userId)))} />
            {m.name} <span className="sub">({m.role})</span>
          </label>
        ))}
      </div>
      <div className="field-row" style={{ alignItems: 'flex-end' }}>
        <div className="field" style={{ maxWidth: 160 }}>
          <label htmlFor={`overlap-${sampleId}`}>Double-coded %</label>
          <input id={`overlap-${sampleId}`} type="number" min={0} max={100} value={overlap} onChange={(e) => setOverlap(e.target.value)} />
        </div>
        <div className="field" style={{ maxWidth: 160 }}>
          <label htmlFor={`order-${sampleId}`}>Order per coder</label>
          <select id={`order-${sampleId}`} value={order} onChange={(e) => setOrder(e.target.value as 'random' | 'fixed')}>
            <option value="random">random (seeded)</option>
            <option value="fixed">sample order</option>
          </select>
        </div>
        <div className="field" style={{ maxWidth: 100 }}>
          <label htmlFor={`seed-${sampleId}`}>Seed</label>
          <input id={`seed-${sampleId}`} type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> blind (coders see each other’s codings only after both submit)
        </label>
        <button className="btn primary" type="submit" disabled={assign.isPending || chosen.length === 0}>
          Assign
        </button>
      </div>
      {assign.error && <div className="error-box" role="alert" style={{ marginTop: 8 }}>{assign.error.message}</div>}
    </form>
  );
}
