import { z } from 'zod';

// Which visualisations a table counts: the whole corpus, the notebooks a strategy run imported, or the
// figures a study's sample drew; originals, reproductions or both. Only labelled figures count (the
// labels are what is tabulated); `describePopulation` is the sentence a CSV header and the page show.
export const populationSchema = z.object({
  source: z.enum(['corpus', 'run', 'sample']).default('corpus'),
  id: z.coerce.number().int().positive().optional(),
  origin: z.enum(['originals', 'reproductions', 'both']).default('originals'),
  /** Only these ML stages ("How is ML tested here?"). */
  stages: z.array(z.string().max(40)).max(10).optional(),
});
export type Population = z.infer<typeof populationSchema>;

export function describePopulation(p: Population): string {
  const where = p.source === 'corpus' ? 'the whole corpus' : p.source === 'run' ? `notebooks imported by strategy run ${p.id}` : `visualisations in sample ${p.id}`;
  const stages = p.stages?.length ? `; ML stage in (${p.stages.join(', ')})` : '';
  return `labelled visualisations of ${p.origin === 'both' ? 'originals and reproductions' : p.origin} in ${where}${stages}`;
}
