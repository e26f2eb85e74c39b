'use client';
import type { Progress } from '@/components/hooks/useProgress';
import { coderThroughputSpec } from '@/components/charts/specs/coder-throughput';
import { ChartPanel } from '@/components/agreement/ChartPanel';
import { plural } from '@/lib/text/plural';

/** Per coder: items submitted per day (chart) and, in numbers, totals and items left in their queue. */
export function CodersPanel({ coders }: { coders: Progress['coders'] }) {
  const label = (c: Progress['coders'][number]) => c.name ?? c.email ?? c.coder;
  const rows = coders.flatMap((c) => c.perDay.map((d) => ({ coder: label(c), date: d.date, submitted: d.submitted })));
  const left = coders.reduce((n, c) => n + c.left, 0);
  return (
    <ChartPanel
      title="Coders: throughput and items left"
      spec={coderThroughputSpec(rows)}
      sub={coders.length ? `${plural(left, 'item')} left across ${plural(coders.length, 'coder')}.` : undefined}
      empty={coders.length === 0 ? 'No assignments yet: assign a sample to coders from the study’s Samples page.' : rows.length === 0 ? 'Nobody has submitted an item yet.' : undefined}
    >
      <table className="list" data-testid="coder-numbers">
        <thead>
          <tr>
            <th>Coder</th>
            <th className="num">Submitted</th>
            <th className="num">Left</th>
            <th className="num">Skipped</th>
            <th className="num">Days active</th>
            <th className="num">Per active day</th>
          </tr>
        </thead>
        <tbody>
          {coders.map((c) => (
            <tr key={c.coder}>
              <td>{label(c)}</td>
              <td className="num">{c.submitted}</td>
              <td className="num">{c.left}</td>
              <td className="num">{c.skipped}</td>
              <td className="num">{c.perDay.length}</td>
              <td className="num">{c.perDay.length ? (c.submitted / c.perDay.length).toFixed(1) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}
