'use client';
import Link from 'next/link';
import { useWorkers, type WorkerRow } from '@/components/hooks/useWorkers';
import { formatDuration } from '@/components/runs/format';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { plural } from '@/lib/text/plural';

/** /workers: every worker process, live; stale ones (no heartbeat for 30 s) in red, stopped ones greyed. */
export function WorkersView() {
  const { data, error, isPending } = useWorkers();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Workers</h1>
          <p className="sub">
            {data
              ? data.executors.length
                ? `Live workers offer: ${data.executors.join(', ')} · ${plural(data.slots, 'slot')} · reproductions use ${data.defaultExecutor}`
                : 'No live worker offers an executor: reproductions wait until one starts.'
              : ' '}
          </p>
        </div>
        <Link className="btn" href="/runs">
          Runs →
        </Link>
      </div>
      {error ? (
        <ErrorState error={error} />
      ) : isPending ? (
        <Skeleton height={40} count={4} />
      ) : data.workers.length === 0 ? (
        <EmptyState title="No worker has started">
          <code>npm start</code> runs a worker beside the web app; <code>npm run worker</code> starts more (on this or another machine sharing the
          database). A worker uses containers when Podman or Docker answers, else this machine&apos;s Python with nbclient.
        </EmptyState>
      ) : (
        <table className="list" data-testid="workers">
          <thead>
            <tr>
              <th>Host</th>
              <th className="num">PID</th>
              <th className="num">Concurrency</th>
              <th>Executor</th>
              <th>Heartbeat</th>
              <th>Current jobs</th>
            </tr>
          </thead>
          <tbody>
            {data.workers.map((w) => (
              <WorkerLine key={w.id} w={w} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function WorkerLine({ w }: { w: WorkerRow }) {
  const style = w.state === 'stopped' ? { opacity: 0.5 } : w.state === 'stale' ? { background: 'var(--danger-soft)' } : undefined;
  return (
    <tr data-state={w.state} data-worker={w.id} style={style}>
      <td>
        {w.host}
        <div className="sub" style={{ fontSize: 11.5, fontFamily: 'var(--mono)' }}>{w.id}</div>
      </td>
      <td className="num">{w.pid}</td>
      <td className="num">
        {w.currentJobs.length} / {w.concurrency}
      </td>
      <td>{w.executors.length ? w.executors.join(', ') : <span className="badge warn" title="neither a container engine nor Python with nbclient was found">none</span>}</td>
      <td>
        {w.state === 'stopped' ? (
          <span className="badge">stopped {new Date(w.stoppedAt!).toLocaleTimeString('en-GB')}</span>
        ) : w.state === 'stale' ? (
          <span className="badge danger" title="no heartbeat for more than 30 s: the process may have died; its jobs go back to the queue">
            stale · {formatDuration(w.heartbeatAgeSeconds)} ago
          </span>
        ) : (
          <span className="badge ok">{w.heartbeatAgeSeconds} s ago</span>
        )}
      </td>
      <td>
        {w.currentJobs.length === 0 ? (
          <span className="sub">idle</span>
        ) : (
          w.currentJobs.map((j) => (
            <div key={j.jobId} style={{ fontSize: 13 }}>
              {j.notebookId != null ? <Link href={`/notebooks/${j.notebookId}`}>{j.notebookTitle ?? `Notebook ${j.notebookId}`}</Link> : <span>{j.queue}</span>}{' '}
              <span className="sub">· {formatDuration(j.elapsedSeconds)} · </span>
              <Link href={`/runs?job=${j.jobId}`}>log</Link>
            </div>
          ))
        )}
      </td>
    </tr>
  );
}
