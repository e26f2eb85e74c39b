'use client';
import type { QueueStats } from '@/components/hooks/useRuns';
import { formatDuration } from './format';

/** Every job queue at a glance (reproduction, analysis, re-analysis, thumbnails); a row (click, or Enter on it) filters the job list. */
export function QueuesTable({ queues, selected, onSelect }: { queues: QueueStats['queues']; selected: string | null; onSelect: (queue: string | null) => void }) {
  return (
    <table className="list" aria-label="queues" style={{ margin: '12px 0' }}>
      <thead>
        <tr>
          <th>Queue</th>
          <th className="num">Waiting</th>
          <th className="num">Running</th>
          <th className="num">Done</th>
          <th className="num">Failed</th>
          <th className="num">Per minute</th>
          <th className="num">ETA</th>
          <th>Latest failure</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr
            key={q.queue}
            data-queue={q.queue}
            tabIndex={0}
            aria-selected={selected === q.queue}
            style={{ cursor: 'pointer', background: selected === q.queue ? 'var(--accent-soft)' : undefined }}
            onClick={() => onSelect(selected === q.queue ? null : q.queue)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(selected === q.queue ? null : q.queue);
              }
            }}
          >
            <td>
              <strong>{q.queue}</strong>
            </td>
            <td className="num">{q.waiting}</td>
            <td className="num">{q.depth.active}</td>
            <td className="num">{q.depth.completed}</td>
            <td className="num">{q.depth.failed}</td>
            <td className="num">{q.perMinute == null ? '—' : q.perMinute.toFixed(1)}</td>
            {/* An idle queue has nothing to wait for: no ETA rather than "0 s". */}
            <td className="num">{q.etaSeconds == null || q.waiting + q.depth.active === 0 ? '—' : formatDuration(q.etaSeconds)}</td>
            <td style={{ maxWidth: 320, fontSize: 12 }}>{q.lastError ? <span className="field-error" title={q.lastError.message}>{q.lastError.message.slice(0, 120)}</span> : <span className="sub">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
