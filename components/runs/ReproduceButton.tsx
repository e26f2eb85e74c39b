'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useReproduce, type ReproduceTarget } from '@/components/hooks/useRuns';
import { useCanSupervise } from '@/components/hooks/useSession';

/**
 * Queues reproductions of a target (one notebook, a selection, every notebook, a collection run's
 * notebooks) with the executor a live worker offers, and says what happened with a link to /runs.
 * Only supervisors and admins may reproduce: for coders it renders nothing.
 */
export function ReproduceButton({ target, label = 'Reproduce', disabled, primary }: { target: ReproduceTarget; label?: string; disabled?: boolean; primary?: boolean }) {
  const allowed = useCanSupervise();
  const reproduce = useReproduce();
  const onRuns = usePathname() === '/runs';
  const r = reproduce.data;
  if (!allowed) return null;
  return (
    <span className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
      <button className={`btn ${primary ? 'primary' : ''}`} disabled={disabled || reproduce.isPending} onClick={() => reproduce.mutate(target)} data-testid="reproduce">
        {reproduce.isPending ? 'Queueing…' : label}
      </button>
      {r && (
        <span className="sub" role="status" data-testid="reproduce-result">
          {r.queued.length} queued{r.alreadyQueued.length ? `, ${r.alreadyQueued.length} already waiting or running` : ''}
          {!onRuns && <> · <Link href="/runs">watch on Runs →</Link></>}
        </span>
      )}
      {reproduce.error && (
        <span className="field-error" role="alert">
          Could not queue: {reproduce.error.message}
        </span>
      )}
    </span>
  );
}
