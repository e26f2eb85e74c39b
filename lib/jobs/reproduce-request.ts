import { z } from 'zod';
import { executorKinds } from '../db/schema/reproduction';

const id = z.number().int().positive().max(2_147_483_647);

/** A request to reproduce (or pre-flight) notebooks: one or more, every one, or a collection run's. */
export const reproduceRequestSchema = z.intersection(
  z.union([z.object({ notebookIds: z.array(id).min(1).max(100_000) }), z.object({ all: z.literal(true) }), z.object({ strategyRunId: id })]),
  z.object({ executor: z.enum(executorKinds).optional(), skipBlocked: z.boolean().optional(), runMissingDatasets: z.boolean().optional() }),
);
