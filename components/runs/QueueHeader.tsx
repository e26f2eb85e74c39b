'use client';
import { VegaChart } from '@/components/charts/VegaChart';
import { throughputSpec } from '@/components/charts/specs/throughput';
import { usePauseQueue, type QueueStats } from '@/components/hooks/useRuns';
import { formatDuration, formatShare } from './format';
import { plural } from '@/lib/text/plural';

const DEPTH: Array<{ key: keyof QueueStats['depth']; label: string; tone: string }> = [
  { key: 'created', label: 'waiting', tone: '' },
  { key: 'retry', label: 'to retry', tone: 'warn' },
  { key: 'active', label: 'running', tone: 'accent' },
  { key: 'completed', label: 'done', tone: 'ok' },
  { key: 'failed', label: 'failed', tone: 'danger' },
  { key: 'cancelled', label: 'cancelled', tone: 'warn' },
];

/** Queue depth by state, pause/resume, batch progress, throughput over the last hour and the ETA. */
export function QueueHeader({ stats }: { stats: QueueStats }) {
  const pause = usePauseQueue();
  const { progress, depth } = stats;
  const pct = progress.total ? (100 * progress.done) / progress.total : 0;
  const busy = depth.created + depth.retry + depth.active > 0;
  return (
    <div className="panel" style={{ marginBottom: 16 }}>
      <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <div className="row" style={{ flexWrap: 'wrap', gap: 6 }} data-testid="queue-depth">
          {DEPTH.map((d) => (
            <span key={d.key} className={`badge ${d.tone}`} data-state={d.key} style={{ fontSize: 13, padding: '2px 10px' }}>
              <strong>{depth[d.key]}</strong> {d.label}
            </span>
          ))}
          {stats.paused && <span className="badge danger" style={{ fontSize: 13 }}>queue paused</span>}
        </div>
        <div className="row">
          <span className="sub" style={{ fontSize: 12.5 }}>
            {plural(stats.workers.live, 'live worker')} · {plural(stats.workers.slots, 'slot')}
            {stats.workers.stale > 0 && <span className="badge danger" style={{ marginLeft: 6 }}>{stats.workers.stale} stale</span>}
          </span>
          <button className="btn" onClick={() => pause.mutate(!stats.paused)} disabled={pause.isPending} title="Keyboard: P" data-testid="pause">
            {stats.paused ? 'Resume queue' : 'Pause queue'}
          </button>
        </div>
      </div>
      {pause.error && <div className="field-error" role="alert">Could not change the queue: {pause.error.message}</div>}
      {progress.total > 0 && (
        <div className="row" style={{ marginTop: 12 }}>
          <div className="progress" style={{ flex: 1 }} role="progressbar" aria-label="reproduction progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
            <div style={{ width: `${pct}%` }} />
          </div>
          <span className="sub" data-testid="progress-label">
            {progress.done} of {progress.total} done
          </span>
        </div>
      )}
      <p className="sub" style={{ marginTop: 8, fontSize: 12.5 }} data-testid="eta">
        {busy ? (
          stats.paused ? (
            <>Paused: running jobs finish, no new job starts until you resume.</>
          ) : stats.workers.slots === 0 ? (
            <>No live worker offers an executor: start one with <code>npm start</code> or <code>npm run worker</code>.</>
          ) : stats.etaSeconds == null ? (
            <>ETA: once the first jobs finish.</>
          ) : (
            <>ETA: about {formatDuration(stats.etaSeconds)} at {stats.rate.perMinute?.toFixed(1)} per minute.</>
          )
        ) : (
          <>Nothing waiting or running.</>
        )}{' '}
        Last hour: {stats.throughput.finished} finished, {formatShare(stats.throughput.okShare)} ok.
      </p>
      {stats.throughput.finished > 0 && (
        <VegaChart spec={throughputSpec(stats.throughput.buckets)} label="executions finished per 5 minutes over the last hour" />
      )}
    </div>
  );
}
