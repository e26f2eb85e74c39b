const JOB_TONE: Record<string, string> = { created: '', retry: 'warn', active: 'accent', completed: 'ok', cancelled: 'warn', failed: 'danger' };
const JOB_LABEL: Record<string, string> = { created: 'waiting', retry: 'waiting to retry', active: 'running', completed: 'done', cancelled: 'cancelled', failed: 'failed' };

/** A pg-boss state in words people use (created → waiting, active → running). */
export function JobStateBadge({ state }: { state: string }) {
  return (
    <span className={`badge ${JOB_TONE[state] ?? ''}`} data-state={state}>
      {JOB_LABEL[state] ?? state}
    </span>
  );
}

const STATUS_TONE: Record<string, string> = { ok: 'ok', exception: 'danger', timeout: 'warn', killed: 'warn', infrastructure: '', missing_datasets: 'warn' };

/** An execution's outcome; infrastructure errors are ours, so they look neutral rather than red. */
export function StatusBadge({ status, title }: { status: string; title?: string }) {
  return (
    <span className={`badge ${STATUS_TONE[status] ?? ''}`} data-status={status} title={title ?? (status === 'infrastructure' ? 'an error of vizmine or the executor, not of the notebook' : status === 'missing_datasets' ? 'not run: a data source it reads is missing (its environment, not its fault)' : undefined)}>
      {status === 'infrastructure' ? 'infrastructure error' : status === 'missing_datasets' ? 'missing datasets' : status}
    </span>
  );
}

const OUTCOME_TONE: Record<string, string> = { same: 'ok', different: 'warn', new: 'accent', missing: 'danger' };

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span className={`badge ${OUTCOME_TONE[outcome] ?? ''}`} data-outcome={outcome}>
      {outcome}
    </span>
  );
}
