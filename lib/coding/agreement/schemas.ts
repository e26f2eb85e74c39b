import { z } from 'zod';

const id = z.coerce.number().int().positive();

/** ?study=&sample= of the agreement and progress endpoints. */
export const agreementQuery = z.object({ study: id, sample: id.optional() });
export const progressQuery = z.object({ study: id, batch: z.coerce.number().int().min(1).max(1000).optional() });
export const sampleItemParam = id;

const fraction = z.number().min(0).max(1);
export const regionInput = z
  .object({ x: fraction, y: fraction, w: fraction, h: fraction })
  .refine((r) => r.x + r.w <= 1.0001 && r.y + r.h <= 1.0001, 'a region must lie inside the image (x + w ≤ 1, y + h ≤ 1)');

/** PUT /api/agreement/items/:id/consensus — the item's consensus coding, replacing any before. */
export const consensusInput = z.object({
  codings: z
    .array(z.object({ codeId: z.number().int().positive(), region: regionInput.nullable().optional(), memo: z.string().max(10_000).optional() }))
    .max(200),
});

/** ?sample= of the codings export (the whole study without it). */
export const exportCodingsQuery = z.object({ sample: id.optional() });
