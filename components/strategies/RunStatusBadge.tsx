import type { RunStatus } from '@/components/hooks/useCollectionRuns';

const TONE: Record<RunStatus, string> = { queued: '', running: 'accent', done: 'ok', failed: 'danger', cancelled: 'warn' };

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge ${TONE[status]}`} data-status={status}>
      {status}
    </span>
  );
}

const ITEM_TONE: Record<string, string> = { pending: '', imported: 'ok', duplicate: 'accent', failed: 'danger' };

export function ItemStatusBadge({ status, title }: { status: string; title?: string }) {
  return (
    <span className={`badge ${ITEM_TONE[status] ?? ''}`} title={title}>
      {status}
    </span>
  );
}

export const SOURCE_LABELS: Record<string, string> = { api: 'Kaggle API', 'meta-kaggle': 'Meta Kaggle' };

/** "3 May 2025, 14:02" */
export function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';
}
