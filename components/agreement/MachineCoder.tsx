'use client';
import { useState } from 'react';
import Link from 'next/link';
import { confusionSpec } from '@/components/charts/specs/confusion';
import { useMachineAgreement, type MachineAgreement } from '@/components/hooks/useMachineCoder';
import type { Scope } from '@/components/hooks/useAgreement';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { ChartPanel } from './ChartPanel';

type Field = MachineAgreement['fields'][number];
type Comparison = NonNullable<Field['consensus']>;
const FIELD_NAME = { chartType: 'chart type', mlStage: 'ML stage' } as const;
const fmt = (v: number | null, pct = false) => (v === null ? '—' : pct ? `${(v * 100).toFixed(1)}%` : v.toFixed(3));

/** The analysis engine as a coder: per mapped field, against consensus and each coder. */
export function MachineCoder({ scope }: { scope: Scope }) {
  const q = useMachineAgreement(scope);
  if (q.error) return <ErrorState error={q.error} />;
  if (!q.data) return <Skeleton height={80} />;
  return (
    <section aria-label="The machine as a coder">
      <h2>The machine as a coder</h2>
      {q.data.fields.length === 0 ? (
        <p className="sub">
          No code is mapped to a chart type or ML stage. Map codes on the <Link href={`/studies/${scope.study}/codebook`}>codebook page</Link> (Machine labels) to compare the
          analysis engine&apos;s labels with your coders.
        </p>
      ) : (
        q.data.fields.map((f) => <FieldFigures key={f.field} f={f} />)
      )}
    </section>
  );
}

function FieldFigures({ f }: { f: Field }) {
  const rows = [f.consensus, ...f.coders].filter((c): c is Comparison => c !== null);
  const [shown, setShown] = useState(rows[0]?.against ?? '');
  const current = rows.find((r) => r.against === shown) ?? rows[0];
  const name = FIELD_NAME[f.field];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, marginBottom: 20 }} data-field={f.field}>
      <h3>Machine vs humans: {name}</h3>
      {rows.length === 0 ? (
        <p className="sub">No item has both a machine label and a human code mapped to a {name}.</p>
      ) : (
        <>
          <table className="list" data-testid={`machine-${f.field}`}>
            <thead>
              <tr><th>Against</th><th className="num">n</th><th className="num">Cohen&apos;s κ</th><th className="num">Krippendorff&apos;s α</th><th className="num">% agreement</th><th>Note</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.against} data-against={r.against}>
                  <td>{r.against === 'consensus' ? <strong>Consensus</strong> : r.against}</td>
                  <td className="num">{r.n}</td>
                  <td className="num" style={{ fontWeight: 600 }}>{fmt(r.kappa)}</td>
                  <td className="num">{fmt(r.alpha)}</td>
                  <td className="num">{fmt(r.percent, true)}</td>
                  <td className="sub">{r.ambiguous ? `${r.ambiguous} item${r.ambiguous > 1 ? 's' : ''} left out: codes map to two values` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="sub" style={{ fontSize: 12.5 }}>n: items where both the machine and the human have a {name}; items without a mapped code are left out.</p>
          <div className="grid-2">
            <ChartPanel
              title={`Confusion: machine × ${current.against === 'consensus' ? 'consensus' : current.against}`}
              spec={confusionSpec(current.confusion, current.against === 'consensus' ? 'Consensus' : current.against)}
              sub={
                <select aria-label={`Compare the machine's ${name} with`} value={current.against} onChange={(e) => setShown(e.target.value)}>
                  {rows.map((r) => <option key={r.against} value={r.against}>{r.against}</option>)}
                </select>
              }
            >
              <table className="list">
                <thead><tr><th>Machine</th><th>{current.against}</th><th className="num">Items</th></tr></thead>
                <tbody>{current.confusion.map((c) => <tr key={`${c.machine}|${c.human}`}><td>{c.machine}</td><td>{c.human}</td><td className="num">{c.count}</td></tr>)}</tbody>
              </table>
            </ChartPanel>
            <section className="panel" aria-label={`Machine precision and recall per ${name}`}>
              <h2>Where the machine can be trusted</h2>
              {f.perValue.length === 0 ? (
                <p className="sub">No consensus yet on a mapped {name}: precision and recall need it.</p>
              ) : (
                <table className="list">
                  <thead><tr><th>{name}</th><th className="num">Precision</th><th className="num">Recall</th><th className="num">Consensus items</th></tr></thead>
                  <tbody>{f.perValue.map((p) => <tr key={p.value}><td>{p.value}</td><td className="num">{fmt(p.precision, true)}</td><td className="num">{fmt(p.recall, true)}</td><td className="num">{p.support}</td></tr>)}</tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
