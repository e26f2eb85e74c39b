import { z } from 'zod';

// Request shapes for the codebook API; the domain functions validate meaning (names, cycles, keys).
const text = z.string().max(20_000);
const reason = z.string().trim().max(2000);

export const codeIdParam = z.coerce.number().int().positive().max(2_147_483_647);

const codeFields = {
  kind: z.enum(['category', 'code']).optional(),
  shortDefinition: text.optional(),
  definition: text.optional(),
  whenToUse: text.optional(),
  whenNotToUse: text.optional(),
  colour: z.string().optional(),
  shortcut: z.string().max(4).nullable().optional(),
  exampleVisualisationIds: z.array(z.number().int().positive()).max(100).optional(),
};

export const createCodeBody = z.object({ name: z.string(), parentId: z.number().int().positive().nullable().optional(), ...codeFields, reason: reason.optional() });
export const updateCodeBody = z.object({ name: z.string().optional(), ...codeFields, status: z.literal('active').optional(), reason: reason.optional() });
export const moveCodeBody = z.object({ parentId: z.number().int().positive().nullable(), position: z.number().int().min(0).optional(), reason: reason.optional() });
export const mergeCodesBody = z.object({ survivorId: z.number().int().positive(), mergedIds: z.array(z.number().int().positive()).min(1), reason });
export const splitCodeBody = z.object({
  into: z
    .array(z.object({ name: z.string(), ...codeFields, codingIds: z.array(z.number().int().positive()).optional(), consensusCodingIds: z.array(z.number().int().positive()).optional() }))
    .min(1, 'name at least one new code'),
  keepOriginal: z.boolean().optional(),
  reason,
});
export const deprecateBody = z.object({ reason });

/** ?at=2026-01-31T12:00:00Z — an ISO date-time (a date alone means its midnight UTC). */
export const atQuery = z.object({
  at: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'give a date-time such as 2026-01-31T12:00:00Z')
    .transform((s) => new Date(s))
    .optional(),
});
export const compareQuery = z.object({ at: atQuery.shape.at.unwrap() });
export const saturationQuery = z.object({ batch: z.coerce.number().int().min(1).max(10_000).default(10) });
export const historyQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
