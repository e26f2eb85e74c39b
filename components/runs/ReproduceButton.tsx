'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { usePreflight, useReproduce, type Preflight, type ReproduceTarget } from '@/components/hooks/useRuns';
import { useCanSupervise } from '@/components/hooks/useSession';

const SHOWN = 12; // blocked notebooks listed by name; the rest are counted

/**
 * Queues reproductions of a target (one notebook, a selection, every notebook, a collection run's
 * notebooks) with the executor a live worker offers. A pre-flight check runs first: when some
 * notebooks lack a module or a dataset, it says which and lets the user skip them or queue all. Only supervisors and admins may reproduce: for coders it renders nothing.
 */
export function ReproduceButton({ target, label = 'Reproduce', disabled, primary }: { target: ReproduceTarget; label?: string; disabled?: boolean; primary?: boolean }) {
  const allowed = useCanSupervise();
  const reproduce = useReproduce();
  const preflight = usePreflight();
  const onRuns = usePathname() === '/runs';
  const r = reproduce.data;
  const p = preflight.data;
  const showCheck = !!p && p.blocked > 0 && !r;
  const start = () => {
    reproduce.reset();
    preflight.mutate(target, {
      // Nothing blocked: queue at once. A check that cannot run (no engine here) does not stop queuing.
      onSuccess: (check) => check.blocked === 0 && reproduce.mutate(target),
      onError: () => reproduce.mutate(target),
    });
  };
  if (!allowed) return null;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 6, alignItems: 'flex-start' }}>
      <span className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
        <button className={`btn ${primary ? 'primary' : ''}`} disabled={disabled || reproduce.isPending || preflight.isPending} onClick={start} data-testid="reproduce">
          {preflight.isPending ? 'Checking…' : reproduce.isPending ? 'Queueing…' : label}
        </button>
        {r && (
          <span className="sub" role="status" data-testid="reproduce-result">
            {r.queued.length} queued{r.alreadyQueued.length ? `, ${r.alreadyQueued.length} already waiting or running` : ''}
            {r.skipped.length ? `, ${r.skipped.length} skipped (blocked)` : ''}
            {!onRuns && <> · <Link href="/runs">watch on Runs →</Link></>}
          </span>
        )}
        {reproduce.error && (
          <span className="field-error" role="alert">
            Could not queue: {reproduce.error.message}
          </span>
        )}
      </span>
      {showCheck && <PreflightReport check={p} onSkip={() => reproduce.mutate({ ...target, skipBlocked: true })} onAll={() => reproduce.mutate({ ...target, runMissingDatasets: true })} pending={reproduce.isPending} />}
    </span>
  );
}

function PreflightReport({ check, onSkip, onAll, pending }: { check: Preflight; onSkip: () => void; onAll: () => void; pending: boolean }) {
  const blocked = check.notebooks.filter((n) => n.blocked);
  const runnable = check.notebooks.length - blocked.length;
  return (
    <div className="panel" data-testid="preflight" style={{ padding: 10, fontSize: 13, maxWidth: 720 }}>
      <strong>
        {blocked.length} of {check.notebooks.length} notebook{check.notebooks.length === 1 ? '' : 's'} cannot run as they stand
      </strong>{' '}
      <span className="sub">(checked against {check.images.map((i) => `${i.image}, Python ${i.python}`).join('; ')})</span>
      <ul style={{ margin: '6px 0', paddingLeft: 18 }}>
        {blocked.slice(0, SHOWN).map((n) => (
          <li key={n.notebookId} data-testid="preflight-blocked" data-notebook={n.notebookId}>
            <Link href={`/notebooks/${n.notebookId}`}>{n.title}</Link>: {[...n.missingModules.map((m) => `needs ${m}, not in the image`), ...n.missingDatasets].join('; ')}
          </li>
        ))}
        {blocked.length > SHOWN && <li className="sub">and {blocked.length - SHOWN} more</li>}
      </ul>
      {check.blockers.length > 1 && <p className="sub" style={{ margin: '4px 0' }}>Most often: {check.blockers.slice(0, 5).map((b) => `${b.name} (${b.notebooks})`).join(', ')}</p>}
      <span className="row" style={{ gap: 8 }}>
        <button className="btn primary" disabled={pending || runnable === 0} onClick={onSkip} data-testid="preflight-skip">
          Skip {blocked.length} blocked, queue {runnable}
        </button>
        <button className="btn" disabled={pending} onClick={onAll} data-testid="preflight-all">
          Queue all {check.notebooks.length} anyway
        </button>
      </span>
    </div>
  );
}
