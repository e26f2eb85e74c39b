import { z } from 'zod';
import { executorConfigSchema } from '../execute/config';

// The data of a `reproduce` job: which notebook, with which executor configuration.
export const reproducePayloadSchema = z.object({
  notebookId: z.number().int().positive(),
  config: executorConfigSchema,
  // Run even when a data source it reads is missing (else it is recorded as missing_datasets, not run).
  runMissingDatasets: z.boolean().optional(),
});
export type ReproducePayload = z.infer<typeof reproducePayloadSchema>;

export function singletonKey(p: ReproducePayload, hash: string): string {
  return `reproduce:${p.notebookId}:${hash}`;
}
