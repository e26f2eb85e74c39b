import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CHART_TYPES, ML_STAGES } from '../../analysis/types';
import type { Db } from '../../db/client';
import { codes, studies } from '../../db/schema';
import { AppError } from '../../errors';

// One mapping per code: to a chart type, to an ML stage, or to nothing (field null).
export const labelMapBody = z.union([
  z.object({ codeId: z.number().int().positive(), field: z.literal('chartType'), value: z.enum(CHART_TYPES) }),
  z.object({ codeId: z.number().int().positive(), field: z.literal('mlStage'), value: z.enum(ML_STAGES) }),
  z.object({ codeId: z.number().int().positive(), field: z.null() }),
]);
export type LabelMapBody = z.infer<typeof labelMapBody>;

export const machineSettingsBody = z.object({ showMachineSuggestions: z.boolean() });

export interface LabelMapping {
  codeId: number;
  field: 'chartType' | 'mlStage' | null;
  value: string | null;
}

export async function listLabelMap(db: Db, studyId: number): Promise<{ mappings: LabelMapping[]; showMachineSuggestions: boolean }> {
  const [study] = await db.select({ show: studies.showMachineSuggestions }).from(studies).where(eq(studies.id, studyId));
  const rows = await db.select({ codeId: codes.id, field: codes.labelField, value: codes.labelValue }).from(codes).where(eq(codes.studyId, studyId));
  return { mappings: rows.filter((r) => r.field !== null), showMachineSuggestions: study?.show ?? false };
}

export async function setLabelMapping(db: Db, studyId: number, body: LabelMapBody): Promise<LabelMapping> {
  const value = body.field === null ? null : body.value;
  const [row] = await db
    .update(codes)
    .set({ labelField: body.field, labelValue: value })
    .where(and(eq(codes.id, body.codeId), eq(codes.studyId, studyId), eq(codes.kind, 'code')))
    .returning({ codeId: codes.id });
  if (!row) throw new AppError('not_found', `Study ${studyId} has no code ${body.codeId}.`);
  return { codeId: row.codeId, field: body.field, value };
}

export async function setMachineSuggestions(db: Db, studyId: number, on: boolean): Promise<{ showMachineSuggestions: boolean }> {
  await db.update(studies).set({ showMachineSuggestions: on }).where(eq(studies.id, studyId));
  return { showMachineSuggestions: on };
}
