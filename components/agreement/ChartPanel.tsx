'use client';
import { useState } from 'react';
import type { VisualizationSpec } from 'vega-embed';
import { VegaChart } from '@/components/charts/VegaChart';

/** A chart with its numbers one click away: the "Numbers" toggle swaps the chart for its table. */
export function ChartPanel({ title, spec, children, empty, sub }: { title: string; spec: VisualizationSpec; children: React.ReactNode; empty?: React.ReactNode; sub?: React.ReactNode }) {
  const [numbers, setNumbers] = useState(false);
  return (
    <section className="panel" aria-label={title}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
        <h2>{title}</h2>
        {!empty && (
          <button className="btn" aria-pressed={numbers} onClick={() => setNumbers((n) => !n)}>
            {numbers ? 'Chart' : 'Numbers'}
          </button>
        )}
      </div>
      {sub && <p className="sub" style={{ marginBottom: 8, fontSize: 12.5 }}>{sub}</p>}
      {empty ? <p className="sub">{empty}</p> : numbers ? children : <VegaChart spec={spec} label={title} />}
    </section>
  );
}
