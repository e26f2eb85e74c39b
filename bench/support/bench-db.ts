// What the database benches share: a fresh store in a throwaway data dir (the embedded PostgreSQL, or
// DATABASE_URL when set, exactly as the app opens it), synthetic analysis labels, and percentiles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeAllDatabases, openDatabase, type Database, type Db } from '../../lib/db/client';

export interface BenchDatabase {
  store: Database;
  dispose(): Promise<void>;
}

/** A store in a new data dir under the system temp folder (or `existing`); `dispose` closes it and deletes the folder. */
export async function openBenchDatabase(name: string, existing?: string): Promise<BenchDatabase> {
  const dataDir = existing ?? fs.mkdtempSync(path.join(os.tmpdir(), `vizmine-bench-${name}-`));
  // Route handlers open the store of VIZMINE_DATA_DIR: the same one as the bench's.
  process.env.VIZMINE_DATA_DIR = dataDir;
  const store = await openDatabase({ dataDir });
  return {
    store,
    async dispose() {
      await store.close();
      await closeAllDatabases(); // route handlers' own pool, if any
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A text[] literal of bound parameters (drizzle would otherwise expand an array into a value list). */
export const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** One value drawn at random per row from `values` (repeat a value to weight it). */
export const drawFrom = (values: readonly string[]) => sql`(${textArray(values)})[1 + floor(random() * ${values.length})::int]`;

export interface LabelDraw {
  chartType: readonly string[];
  library: readonly string[];
  stage: readonly string[];
  multiPanelShare: number;
  /** Share of figures labelled (the rest stay 'not_analysed'); 1 by default. */
  labelledShare?: number;
}

/** Labels (as lib/analysis-store writes them) for the visualisations, drawn from the given values. */
export async function seedLabels(db: Db, draw: LabelDraw, where = sql`true`) {
  await db.execute(sql`
    insert into visualisation_labels (visualisation_id, notebook_id, analyser_version, chart_type, library, ml_stage, multi_panel, confidence, evidence, slice)
    select v.id, v.notebook_id, 'bench', ${drawFrom(draw.chartType)}, ${drawFrom(draw.library)}, ${drawFrom(draw.stage)},
           random() < ${draw.multiPanelShare}, '{"chartType":0.9,"library":1,"mlStage":0.7,"multiPanel":0.8}',
           '["sns.heatmap(cm) in cell 12"]', '{"cells":[10,12],"lines":[[12,1,1]],"code":"cm = confusion_matrix(y_test, pred)\\nsns.heatmap(cm)"}'
    from visualisations v
    where random() < ${draw.labelledShare ?? 1} and ${where}`);
}

export function percentiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

/** Runs `fn` `runs` times (after one warm-up run) and gives its p50 and p95 in ms. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return percentiles(ms);
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
