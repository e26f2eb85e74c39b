import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { studies } from '../../db/schema/coding';
import { AppError } from '../../errors';

/** The study's coding settings, read once for a work item. */
export async function codingSettings(db: Db, studyId: number): Promise<{ openCoding: boolean; showMachineSuggestions: boolean }> {
  const [row] = await db.select({ openCoding: studies.openCoding, showMachineSuggestions: studies.showMachineSuggestions }).from(studies).where(eq(studies.id, studyId));
  return { openCoding: row?.openCoding ?? false, showMachineSuggestions: row?.showMachineSuggestions ?? false };
}

/** Whether the study lets its coders add codes while coding (supervisors and admins always may). */
export function mayCreateCodesWhileCoding(settings: { openCoding: boolean }, role: 'admin' | 'supervisor' | 'coder'): boolean {
  return role !== 'coder' || settings.openCoding;
}

/** Turns open coding on or off. Call requireStudyAccess(…, 'manage') before. */
export async function setOpenCoding(db: Db, studyId: number, openCoding: boolean): Promise<{ id: number; openCoding: boolean }> {
  const [row] = await db.update(studies).set({ openCoding }).where(eq(studies.id, studyId)).returning({ id: studies.id, openCoding: studies.openCoding });
  if (!row) throw new AppError('not_found', `There is no study ${studyId}.`);
  return row;
}
