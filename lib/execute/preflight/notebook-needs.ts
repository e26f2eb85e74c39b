// What each notebook needs from its runtime — the modules it imports, the data sources it reads — as
// the analysis engine found them: its stored analysis when that is at today's analyser version, else
// the engine's reading of the code (cheap: nothing traced or labelled).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cells, notebookAnalyses } from '../../db/schema';
import { codeNeeds } from '../../analysis';
import type { NbCell } from '../../notebooks';
import { ANALYSER_VERSION } from '../../analysis-store';
import { inputSources, type DatasetRead } from './datasets-read';

export interface NotebookNeeds {
  imports: string[];
  datasets: DatasetRead[];
}

export async function notebookNeeds(db: Db, notebookIds: number[]): Promise<Map<number, NotebookNeeds>> {
  const needs = new Map<number, NotebookNeeds>();
  if (notebookIds.length === 0) return needs;
  const stored = await db
    .select({ notebookId: notebookAnalyses.notebookId, imports: notebookAnalyses.imports, result: notebookAnalyses.result })
    .from(notebookAnalyses)
    .where(and(inArray(notebookAnalyses.notebookId, notebookIds), eq(notebookAnalyses.analyserVersion, ANALYSER_VERSION), eq(notebookAnalyses.status, 'analysed')));
  for (const s of stored) {
    const datasets = ((s.result as { datasets?: Array<{ path: string }> } | null)?.datasets ?? []).map((d) => d.path);
    needs.set(s.notebookId, { imports: s.imports, datasets: inputSources(datasets) });
  }
  const rest = notebookIds.filter((id) => !needs.has(id));
  if (rest.length === 0) return needs;
  const code = await db
    .select({ notebookId: cells.notebookId, source: cells.source, executionCount: cells.executionCount })
    .from(cells)
    .where(and(inArray(cells.notebookId, rest), eq(cells.cellType, 'code')))
    .orderBy(asc(cells.notebookId), asc(cells.position));
  const byNotebook = new Map<number, NbCell[]>(rest.map((id) => [id, []]));
  for (const c of code) byNotebook.get(c.notebookId)!.push({ cell_type: 'code', source: c.source, execution_count: c.executionCount, outputs: [], metadata: {} });
  for (const [id, own] of byNotebook) {
    const found = await codeNeeds(own);
    needs.set(id, { imports: found.imports, datasets: inputSources(found.datasets.map((d) => d.path)) });
  }
  return needs;
}
