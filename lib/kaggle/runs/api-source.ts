import type { KaggleClient } from '../client/http';
import { listAllKernels } from '../client/kernel-listing';
import { downloadNotebookWithOutputs, getKernel } from '../client/kernels';
import { competitionSlug, listAllCompetitions } from '../client/competitions';
import type { KernelMetadata, ListKernelsFilters } from '../client/types';
import type { ScopeRule, StrategyDefinition } from '../strategy-schema';
import { drawSample } from '../sampling';
import type { KernelCandidate, KernelSource } from './kernel-source';

/**
 * The Kaggle API: candidates from ListKernels, one listing per competition (and dataset) in scope,
 * sampled in memory by drawSample.
 */
export function apiSource(client: KaggleClient): KernelSource {
  return {
    async draw(def, onProgress) {
      const candidates = await listCandidates(client, def, onProgress);
      return { found: candidates.length, sample: drawSample(candidates, def.sampling, def.seed) };
    },

    async fetch(item) {
      const { metadata, source } = await getKernel(client, item.ref);
      // The API's source has no outputs; the last run's saved notebook has them, when there is one.
      const withOutputs = await downloadNotebookWithOutputs(client, item.ref).catch(() => null);
      if (withOutputs) return { bytes: withOutputs, storedForm: 'with-outputs', metadata: { ...metadata } };
      return { bytes: Buffer.from(source, 'utf8'), storedForm: 'source', metadata: { ...metadata } };
    },
  };
}

async function listCandidates(client: KaggleClient, def: StrategyDefinition, onProgress: (found: number) => Promise<void>): Promise<KernelCandidate[]> {
  const competitions = await competitionsInScope(client, def.scope, def.filters.competitions);
  const datasets: (string | undefined)[] = def.filters.datasets?.length ? def.filters.datasets : [undefined];
  const byRef = new Map<string, KernelCandidate>();
  for (const competition of competitions) {
    for (const dataset of datasets) {
      const query: ListKernelsFilters = {
        competition,
        dataset,
        user: def.filters.user,
        search: def.filters.search,
        language: def.filters.language,
        kernelType: def.filters.kernelType,
        outputType: def.filters.outputType,
        sortBy: def.filters.sortBy,
      };
      const { kernels } = await listAllKernels(client, query, {
        max: def.maxCandidates - byRef.size,
        onPage: async (p) => onProgress(byRef.size + p.found),
      });
      for (const k of kernels) if (!byRef.has(k.ref)) byRef.set(k.ref, candidateOf(k, competition));
      if (byRef.size >= def.maxCandidates) return [...byRef.values()];
    }
  }
  return [...byRef.values()];
}

function candidateOf(k: KernelMetadata, competition: string | undefined): KernelCandidate {
  const sources = (k.competitionDataSources ?? []) as unknown[];
  const first = typeof sources[0] === 'string' ? (sources[0] as string) : undefined;
  return {
    ref: k.ref,
    votes: Number(k.totalVotes ?? 0),
    competition: competition ?? first ?? null,
    kernelId: k.id ?? null,
    title: k.title ?? null,
    author: k.author ?? null,
    metadata: { ...k },
  };
}

/** The competitions a listing runs over; [undefined] means no competition filter. */
async function competitionsInScope(client: KaggleClient, scope: ScopeRule, listed: string[] | undefined): Promise<(string | undefined)[]> {
  if (scope.kind === 'competitions') return scope.slugs;
  if (scope.kind === 'all') return listed?.length ? listed : [undefined];
  const sortBy = scope.by === 'teams' ? 'COMPETITION_SORT_BY_NUMBER_OF_TEAMS' : undefined;
  const all = await listAllCompetitions(client, { category: scope.category, sortBy });
  const count = (c: (typeof all)[number]) => Number((scope.by === 'teams' ? c.teamCount : c.kernelCount) ?? 0);
  return [...all]
    .sort((a, b) => count(b) - count(a) || competitionSlug(a).localeCompare(competitionSlug(b)))
    .slice(0, scope.n)
    .map(competitionSlug);
}

