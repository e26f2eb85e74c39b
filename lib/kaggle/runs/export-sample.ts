import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runItems, strategies } from '../../db/schema';
import { csvField } from '../../csv/csv-field';
import { strategyDefinition } from '../strategy-schema';
import { getRun } from './run-state';

const COLUMNS = [
  'run_id', 'strategy', 'source', 'seed', 'scope_rule', 'sampling_rule', 'selected_at', 'ref', 'kernel_id',
  'kernel_version_id', 'title', 'author', 'competition', 'votes', 'rank', 'status', 'notebook_id', 'error',
] as const;

/** The sample a run drew, one row per notebook, for a paper's methods section (RFC 4180 CSV). */
export async function exportSampleCsv(db: Db, runId: number): Promise<string> {
  const run = await getRun(db, runId);
  const [strategy] = await db.select({ name: strategies.name }).from(strategies).where(eq(strategies.id, run.strategyId));
  const def = strategyDefinition.parse(run.definition);
  const items = await db.select().from(runItems).where(eq(runItems.runId, runId)).orderBy(asc(runItems.competition), asc(runItems.rank), asc(runItems.ref));
  const lines = [COLUMNS.join(',')];
  for (const it of items) {
    const row: Record<(typeof COLUMNS)[number], unknown> = {
      run_id: run.id,
      strategy: strategy?.name ?? '',
      source: run.source,
      seed: run.seed,
      scope_rule: JSON.stringify(def.scope),
      sampling_rule: JSON.stringify(def.sampling),
      selected_at: it.selectedAt.toISOString(),
      ref: it.ref,
      kernel_id: it.kernelId,
      kernel_version_id: it.kernelVersionId,
      title: it.title,
      author: it.author,
      competition: it.competition,
      votes: it.votes,
      rank: it.rank,
      status: it.status,
      notebook_id: it.notebookId,
      error: it.error,
    };
    lines.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
