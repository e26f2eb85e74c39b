import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { csvField } from '../../csv/csv-field';

const COLUMNS = [
  'execution_id', 'job_id', 'notebook_id', 'notebook_title', 'notebook_ref', 'executed_notebook_id', 'executor', 'image', 'config_hash', 'status',
  'failing_cell', 'exception_type', 'exception_message', 'seconds', 'worker_id', 'figures_before', 'figures_after', 'figures_same',
  'figures_different', 'figures_new', 'figures_missing', 'out_of_order', 'skipped_counts', 'never_executed_cells', 'missing_datasets',
  'started_at', 'finished_at', 'latest',
] as const;

/**
 * Every execution, one CSV row each, oldest first. `latest` marks the row the summary counts (the
 * newest of its notebook and configuration), so a paper's numbers can be recomputed from the file.
 */
export async function exportExecutionsCsv(db: Db): Promise<string> {
  const rows = await db.execute<Record<(typeof COLUMNS)[number], unknown>>(sql`
    select e.id as execution_id, e.job_id, e.notebook_id, n.title as notebook_title,
      coalesce((select k.ref from kaggle_kernels k where k.notebook_id = n.id), n.file_name) as notebook_ref, e.executed_notebook_id, e.executor, e.image,
      e.config_hash, e.status, e.failing_cell, e.exception_type, e.exception_message, e.seconds, e.worker_id, e.figures_before,
      e.figures_after, e.figures_same, e.figures_different, e.figures_new, e.figures_missing, e.out_of_order, e.skipped_counts,
      e.never_executed_cells, array_to_string(e.missing_datasets, ';') as missing_datasets, e.started_at, e.finished_at,
      row_number() over (partition by e.notebook_id, e.config_hash order by e.finished_at desc, e.id desc) = 1 as latest
    from executions e join notebooks n on n.id = e.notebook_id
    order by e.id`);
  const lines = [COLUMNS.join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => csvField(format(r[c]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

function format(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/.test(v)) return new Date(v).toISOString();
  return v;
}
