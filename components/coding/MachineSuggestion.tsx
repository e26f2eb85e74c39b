'use client';
import type { MachineSuggestion as Suggestion } from '@/lib/coding/machine/suggestion';

const pct = (v: number | null) => (v === null ? '' : ` (${Math.round(v * 100)}%)`);

/**
 * The analysis engine's labels for this figure, when the study shows them. The API leaves them out
 * (null) on a blind double-coded item until this coder submits it, so nothing here needs to hide them.
 */
export function MachineSuggestion({ machine }: { machine: Suggestion | null | undefined }) {
  if (!machine) return null;
  return (
    <div className="panel" style={{ padding: 10 }} aria-label="Machine suggestion" data-testid="machine-suggestion">
      <div className="section-title" style={{ marginTop: 0 }}>Machine suggestion</div>
      <div style={{ fontSize: 13 }}>
        Chart type: <strong>{machine.chartType.replace(/_/g, ' ')}</strong>
        {pct(machine.confidence.chartType)}
        <br />
        Stage: <strong>{machine.mlStage.replace(/_/g, ' ')}</strong>
        {pct(machine.confidence.mlStage)}
      </div>
      <div className="sub" style={{ fontSize: 12 }}>A guess by the analysis engine: code what you see.</div>
    </div>
  );
}
