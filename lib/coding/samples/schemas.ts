import { z } from 'zod';
import { galleryFilters } from '../../browse/schemas';
import { sampleModes, stratifyFields } from './modes';

// How a sample is drawn from the gallery: the gallery's own filters, then a mode. Serves the API,
// the samples page and the stored `definition` alike.
export { sampleModes, stratifyFields, type StratifyField } from './modes';

const seed = z.coerce.number().int().min(0).max(4_294_967_295);

export const sampleDefinition = z
  .object({
    filters: galleryFilters.default({}),
    mode: z.enum(sampleModes),
    n: z.coerce.number().int().min(1).max(1_000_000).optional(),
    percent: z.coerce.number().gt(0).max(100).optional(),
    stratifyBy: z.enum(stratifyFields).optional(),
    seed: seed.default(1),
  })
  .superRefine((d, ctx) => {
    if (d.mode === 'random-n' && d.n === undefined) ctx.addIssue({ code: 'custom', path: ['n'], message: 'random-n needs n, the number of items to draw' });
    if (d.mode === 'random-percent' && d.percent === undefined) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'random-percent needs percent (0–100]' });
    if (d.mode === 'stratified') {
      if (!d.stratifyBy) ctx.addIssue({ code: 'custom', path: ['stratifyBy'], message: 'stratified needs stratifyBy (competition, library, chartType, stage, kind, notebook or format)' });
      if ((d.n === undefined) === (d.percent === undefined)) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'stratified needs either percent (the share of each stratum) or n (a total split proportionally), not both' });
    }
  });
export type SampleDefinition = z.infer<typeof sampleDefinition>;

export const createSampleInput = z.object({ name: z.string().trim().min(1).max(200) }).and(sampleDefinition);
export type CreateSampleInput = z.infer<typeof createSampleInput>;

export const assignInput = z.object({
  coderIds: z.array(z.string().min(1).max(200)).min(1).max(100),
  overlapPercent: z.coerce.number().min(0).max(100).default(0),
  order: z.enum(['random', 'fixed']).default('random'),
  seed: seed.default(1),
  blind: z.boolean().default(true),
});
export type AssignInput = z.infer<typeof assignInput>;
