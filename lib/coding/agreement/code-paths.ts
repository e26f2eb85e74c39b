import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codes } from '../../db/schema';
import { PATH_SEPARATOR } from '../codebook/export-codebook-csv';

/**
 * Each code's path in the study's codebook ("Category / Code"), by code id. Exports and the agreement
 * report name codes by path, so that a file can be read without the database; written with the
 * codebook CSV's separator, so one code reads the same in every export.
 */
export async function readCodePaths(db: Db, studyId: number): Promise<Map<number, string>> {
  const rows = await db.select({ id: codes.id, parentId: codes.parentId, name: codes.name }).from(codes).where(eq(codes.studyId, studyId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<number, string>();
  const pathOf = (id: number, seen: Set<number>): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const row = byId.get(id)!;
    // A parent cycle cannot be built through the codebook API; stop rather than loop if one appears.
    const parent = row.parentId !== null && byId.has(row.parentId) && !seen.has(row.parentId) ? pathOf(row.parentId, seen.add(id)) : '';
    const path = parent ? `${parent}${PATH_SEPARATOR}${row.name}` : row.name;
    paths.set(id, path);
    return path;
  };
  for (const r of rows) pathOf(r.id, new Set());
  return paths;
}
