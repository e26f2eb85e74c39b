import { z } from 'zod';
import { idParam } from '../../browse/schemas';

// A rectangle in the image's own coordinates, as fractions (0–1) of its width and height.
export const regionSchema = z
  .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().gt(0).max(1), h: z.number().gt(0).max(1) })
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, 'the region must lie inside the image');

// The autosave body: the coder's whole state of one item (their codings replace the stored ones).
export const saveWorkInput = z.object({
  codings: z
    .array(z.object({ codeId: z.number().int().positive(), region: regionSchema.nullable().default(null), memo: z.string().max(10_000).default('') }))
    .max(200),
  memo: z.string().max(20_000).optional(),
  flagged: z.boolean().optional(),
});
export type SaveWorkInput = z.infer<typeof saveWorkInput>;

export const queueQuery = z.object({ studyId: idParam.optional() });

export const assignmentIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const inlineCodeInput = z.object({
  name: z.string().trim().min(1).max(200),
  parentId: z.number().int().positive().nullable().optional(),
  shortDefinition: z.string().max(500).optional(),
  shortcut: z.string().length(1).nullable().optional(),
});
