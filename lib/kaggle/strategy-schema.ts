import { z } from 'zod';

// A search strategy, as saved, sent to the API and given to `vizmine strategy create --file`.
// The README documents it with an example.

export const kaggleFilters = z
  .object({
    language: z.enum(['python', 'r', 'all']).default('python'),
    kernelType: z.enum(['notebook', 'script', 'all']).default('notebook'),
    outputType: z.enum(['all', 'visualization', 'data']).optional(),
    sortBy: z
      .enum(['HOTNESS', 'COMMENT_COUNT', 'DATE_CREATED', 'DATE_RUN', 'RELEVANCE', 'SCORE_ASCENDING', 'SCORE_DESCENDING', 'VIEW_COUNT', 'VOTE_COUNT'])
      .default('VOTE_COUNT'),
    search: z.string().max(200).optional(),
    user: z.string().max(100).optional(),
    competitions: z.array(z.string().min(1).max(200)).max(500).optional(),
    datasets: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'datasets are "owner/slug"')).max(500).optional(),
  })
  .default({ language: 'python', kernelType: 'notebook', sortBy: 'VOTE_COUNT' });

export const scopeRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('competitions'), slugs: z.array(z.string().min(1)).min(1).max(500) }),
  z.object({
    kind: z.literal('top-competitions'),
    n: z.number().int().min(1).max(500),
    by: z.enum(['notebooks', 'teams']).default('notebooks'),
    category: z.string().max(100).optional(),
  }),
]);

export const samplingRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('top-k'), k: z.number().int().min(1).max(1_000_000) }),
  z.object({ kind: z.literal('top-percent'), percent: z.number().gt(0).max(100), within: z.literal('competition').default('competition') }),
  z.object({ kind: z.literal('random'), n: z.number().int().min(1).max(1_000_000) }),
  z.object({ kind: z.literal('stratified'), per: z.literal('competition').default('competition'), n: z.number().int().min(1).max(100_000) }),
]);

export const strategyDefinition = z.object({
  filters: kaggleFilters,
  scope: scopeRule.default({ kind: 'all' }),
  sampling: samplingRule.default({ kind: 'all' }),
  /** Seed of the random and stratified samples: the same seed draws the same sample. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Stop listing after this many candidates (a guard for very broad queries). */
  maxCandidates: z.number().int().min(1).max(1_000_000).default(20_000),
});

export const strategyInput = strategyDefinition.extend({ name: z.string().trim().min(1).max(200) });

export type KaggleFilters = z.infer<typeof kaggleFilters>;
export type ScopeRule = z.infer<typeof scopeRule>;
export type SamplingRule = z.infer<typeof samplingRule>;
export type StrategyDefinition = z.infer<typeof strategyDefinition>;
export type StrategyInput = z.infer<typeof strategyInput>;
