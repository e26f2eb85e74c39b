import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { strategies, strategyRuns, type Strategy, type StrategyRun } from '../db/schema';
import { AppError } from '../errors';
import { strategyDefinition, type StrategyInput } from './strategy-schema';

/** Saved search strategies: create, edit, duplicate, delete, list (with their latest run). */
export async function createStrategy(db: Db, input: StrategyInput): Promise<Strategy> {
  const { name, ...definition } = input;
  const [row] = await db.insert(strategies).values({ name, definition }).returning();
  return row;
}

export async function updateStrategy(db: Db, id: number, input: StrategyInput): Promise<Strategy> {
  const { name, ...definition } = input;
  const [row] = await db.update(strategies).set({ name, definition, updatedAt: new Date() }).where(eq(strategies.id, id)).returning();
  if (!row) throw new AppError('not_found', `There is no strategy ${id}.`);
  return row;
}

export async function getStrategy(db: Db, id: number) {
  const [row] = await db.select().from(strategies).where(eq(strategies.id, id));
  if (!row) throw new AppError('not_found', `There is no strategy ${id}.`);
  return { ...row, definition: strategyDefinition.parse(row.definition) };
}

export async function duplicateStrategy(db: Db, id: number): Promise<Strategy> {
  const s = await getStrategy(db, id);
  return createStrategy(db, { ...s.definition, name: `${s.name} (copy)` });
}

export async function deleteStrategy(db: Db, id: number): Promise<void> {
  const deleted = await db.delete(strategies).where(eq(strategies.id, id)).returning({ id: strategies.id });
  if (deleted.length === 0) throw new AppError('not_found', `There is no strategy ${id}.`);
}

export async function listStrategies(db: Db) {
  const rows = await db
    .select({
      strategy: strategies,
      runs: sql<number>`(select count(*) from ${strategyRuns} r where r.strategy_id = ${strategies.id})`.mapWith(Number),
      lastRunId: sql<number | null>`(select max(r.id) from ${strategyRuns} r where r.strategy_id = ${strategies.id})`,
      lastRunStatus: sql<string | null>`(select r.status from ${strategyRuns} r where r.strategy_id = ${strategies.id} order by r.id desc limit 1)`,
    })
    .from(strategies)
    .orderBy(desc(strategies.updatedAt));
  return rows.map((r) => ({
    ...r.strategy,
    definition: strategyDefinition.parse(r.strategy.definition),
    runs: r.runs,
    lastRunId: r.lastRunId,
    lastRunStatus: r.lastRunStatus as StrategyRun['status'] | null,
  }));
}
