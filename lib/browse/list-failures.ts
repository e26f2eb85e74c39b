import { desc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { importFailures } from '../db/schema';

/** The most recent files that could not be imported, with what and where. */
export async function listFailures(db: Db, limit = 100) {
  return db.select().from(importFailures).orderBy(desc(importFailures.id)).limit(limit);
}
