import { z } from 'zod';
import { idParam as id } from '../../browse/schemas';
import { regionSchema } from '../queue/schemas';

/** ?study=&sample= of the agreement and progress endpoints. */
export const agreementQuery = z.object({ study: id, sample: id.optional() });
export const progressQuery = z.object({ study: id, batch: z.coerce.number().int().min(1).max(1000).optional() });
export const sampleItemParam = id;

/** PUT /api/agreement/items/:id/consensus — the item's consensus coding, replacing any before. */
export const consensusInput = z.object({
  codings: z
    .array(z.object({ codeId: z.number().int().positive(), region: regionSchema.nullable().optional(), memo: z.string().max(10_000).optional() }))
    .max(200),
});

/** ?sample= of the codings export (the whole study without it). */
export const exportCodingsQuery = z.object({ sample: id.optional() });
