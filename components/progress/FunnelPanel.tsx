'use client';
import type { Progress } from '@/components/hooks/useProgress';
import { funnelSpec } from '@/components/charts/specs/funnel';
import { ChartPanel } from '@/components/agreement/ChartPanel';

const STAGES: { key: keyof Progress['funnel']; label: string; what: string }[] = [
  { key: 'imported', label: 'imported', what: 'notebooks imported (all studies share the corpus)' },
  { key: 'reproduced', label: 'reproduced', what: 'notebooks with a finished reproduction' },
  { key: 'visualisations', label: 'visualisations', what: 'figures extracted from them' },
  { key: 'sampled', label: 'sampled', what: "distinct figures in this study's samples" },
  { key: 'coded', label: 'coded', what: 'items submitted by at least one coder' },
  { key: 'doubleCoded', label: 'double-coded', what: 'items submitted by two or more coders' },
  { key: 'agreed', label: 'agreed', what: 'items with a consensus, or whose coders chose the same codes' },
];

/** imported → reproduced → visualisations → sampled → coded → double-coded → agreed. */
export function FunnelPanel({ funnel }: { funnel: Progress['funnel'] }) {
  const stages = STAGES.map((s) => ({ stage: s.label, count: funnel[s.key] }));
  return (
    <ChartPanel
      title="Funnel"
      spec={funnelSpec(stages)}
      sub={funnel.reproduced === null ? 'Reproduction: not available in this installation (left out of the chart).' : undefined}
    >
      <table className="list" data-testid="funnel-numbers">
        <tbody>
          {STAGES.map((s) => (
            <tr key={s.key}>
              <td>
                {s.label}
                <div className="sub" style={{ fontSize: 12 }}>{s.what}</div>
              </td>
              <td className="num">{funnel[s.key] === null ? 'not available' : funnel[s.key]!.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}
