import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { studies } from '../../db/schema/coding';
import { AppError } from '../../errors';

/** Whether the study lets its coders add codes while coding (supervisors and admins always may). */
export async function mayCreateCodesWhileCoding(db: Db, studyId: number, role: 'admin' | 'supervisor' | 'coder'): Promise<boolean> {
  if (role !== 'coder') return true;
  const [row] = await db.select({ openCoding: studies.openCoding }).from(studies).where(eq(studies.id, studyId));
  return row?.openCoding ?? false;
}

/** Turns open coding on or off. Call requireStudyAccess(…, 'manage') before. */
export async function setOpenCoding(db: Db, studyId: number, openCoding: boolean): Promise<{ id: number; openCoding: boolean }> {
  const [row] = await db.update(studies).set({ openCoding }).where(eq(studies.id, studyId)).returning({ id: studies.id, openCoding: studies.openCoding });
  if (!row) throw new AppError('not_found', `There is no study ${studyId}.`);
  return row;
}
