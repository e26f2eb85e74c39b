import type { StrategyDefinition } from '@/lib/kaggle/strategy-schema';
import type { StrategyInput } from '@/components/hooks/useStrategies';

// The strategy form's state (strings, as typed) and its conversion to the API's StrategyInput,
// with messages for what the server would refuse. Pure, so it is unit-tested.

type Filters = StrategyDefinition['filters'];
export type SortBy = Filters['sortBy'];

export interface FormState {
  name: string;
  language: Filters['language'];
  kernelType: Filters['kernelType'];
  outputType: '' | NonNullable<Filters['outputType']>;
  sortBy: SortBy;
  search: string;
  user: string;
  competitions: string;
  datasets: string;
  scope: StrategyDefinition['scope']['kind'];
  scopeSlugs: string;
  scopeN: string;
  scopeBy: 'notebooks' | 'teams';
  scopeCategory: string;
  sampling: StrategyDefinition['sampling']['kind'];
  k: string;
  percent: string;
  randomN: string;
  stratifiedN: string;
  seed: string;
  maxCandidates: string;
}

export type FormErrors = Partial<Record<keyof FormState, string>>;

export const DEFAULT_FORM: FormState = {
  name: '',
  language: 'python',
  kernelType: 'notebook',
  outputType: '',
  sortBy: 'VOTE_COUNT',
  search: '',
  user: '',
  competitions: '',
  datasets: '',
  scope: 'all',
  scopeSlugs: '',
  scopeN: '10',
  scopeBy: 'notebooks',
  scopeCategory: '',
  sampling: 'top-k',
  k: '100',
  percent: '10',
  randomN: '100',
  stratifiedN: '10',
  seed: '1',
  maxCandidates: '20000',
};

/** The form filled in from a saved strategy; fields its rules do not use keep their defaults. */
export function formFromStrategy(s: { name: string; definition: StrategyDefinition }): FormState {
  const { filters: f, scope, sampling, seed, maxCandidates } = s.definition;
  return {
    ...DEFAULT_FORM,
    name: s.name,
    language: f.language,
    kernelType: f.kernelType,
    outputType: f.outputType ?? '',
    sortBy: f.sortBy,
    search: f.search ?? '',
    user: f.user ?? '',
    competitions: (f.competitions ?? []).join('\n'),
    datasets: (f.datasets ?? []).join('\n'),
    scope: scope.kind,
    ...(scope.kind === 'competitions' && { scopeSlugs: scope.slugs.join('\n') }),
    ...(scope.kind === 'top-competitions' && { scopeN: String(scope.n), scopeBy: scope.by, scopeCategory: scope.category ?? '' }),
    sampling: sampling.kind,
    ...(sampling.kind === 'top-k' && { k: String(sampling.k) }),
    ...(sampling.kind === 'top-percent' && { percent: String(sampling.percent) }),
    ...(sampling.kind === 'random' && { randomN: String(sampling.n) }),
    ...(sampling.kind === 'stratified' && { stratifiedN: String(sampling.n) }),
    seed: String(seed),
    maxCandidates: String(maxCandidates),
  };
}

/** Items separated by commas, spaces or new lines; Kaggle URLs become slugs. Duplicates dropped. */
export function splitList(text: string, kind: 'competition' | 'dataset' = 'competition'): string[] {
  const items = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (kind === 'competition' ? competitionSlug(s) : datasetRef(s)));
  return [...new Set(items)];
}

function competitionSlug(s: string): string {
  const m = s.match(/kaggle\.com\/(?:competitions|c)\/([^/?#]+)/i);
  return m ? m[1] : s;
}

function datasetRef(s: string): string {
  const m = s.match(/kaggle\.com\/datasets\/([^/?#]+\/[^/?#]+)/i);
  return m ? m[1] : s;
}

const DATASET = /^[^/\s]+\/[^/\s]+$/;

/** An integer in [min, max], or a message saying what is wanted. */
function int(text: string, min: number, max: number, what: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `${what} must be a whole number`;
  const n = Number(t);
  if (n < min || n > max) return `${what} must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')}`;
  return n;
}

/** The API's StrategyInput, or a message per field that is wrong. */
export function toInput(s: FormState): { input: StrategyInput; errors?: undefined } | { input?: undefined; errors: FormErrors } {
  const errors: FormErrors = {};
  const take = (field: keyof FormState, v: number | string): number => {
    if (typeof v === 'string') errors[field] = v;
    return typeof v === 'number' ? v : 0;
  };

  const name = s.name.trim();
  if (!name) errors.name = 'Give the strategy a name';
  else if (name.length > 200) errors.name = 'At most 200 characters';
  if (s.search.length > 200) errors.search = 'At most 200 characters';
  if (s.user.trim().length > 100) errors.user = 'At most 100 characters';

  const competitions = splitList(s.competitions);
  if (competitions.length > 500) errors.competitions = 'At most 500 competitions';
  else if (competitions.some((c) => c.length > 200)) errors.competitions = 'A competition slug has at most 200 characters';
  const datasets = splitList(s.datasets, 'dataset');
  const badDataset = datasets.find((d) => !DATASET.test(d));
  if (badDataset) errors.datasets = `“${badDataset}” is not owner/slug (e.g. heptapod/titanic)`;
  else if (datasets.length > 500) errors.datasets = 'At most 500 datasets';

  let scope: StrategyInput['scope'];
  if (s.scope === 'competitions') {
    const slugs = splitList(s.scopeSlugs);
    if (slugs.length === 0) errors.scopeSlugs = 'List at least one competition';
    else if (slugs.length > 500) errors.scopeSlugs = 'At most 500 competitions';
    scope = { kind: 'competitions', slugs };
  } else if (s.scope === 'top-competitions') {
    const category = s.scopeCategory.trim();
    if (category.length > 100) errors.scopeCategory = 'At most 100 characters';
    scope = { kind: 'top-competitions', n: take('scopeN', int(s.scopeN, 1, 500, 'The number of competitions')), by: s.scopeBy, ...(category && { category }) };
  } else {
    scope = { kind: 'all' };
  }

  let sampling: StrategyInput['sampling'];
  switch (s.sampling) {
    case 'top-k':
      sampling = { kind: 'top-k', k: take('k', int(s.k, 1, 1_000_000, 'K')) };
      break;
    case 'top-percent': {
      const t = s.percent.trim();
      const p = Number(t);
      if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t) || !(p > 0) || p > 100) errors.percent = 'A percentage above 0 and at most 100';
      sampling = { kind: 'top-percent', percent: p, within: 'competition' };
      break;
    }
    case 'random':
      sampling = { kind: 'random', n: take('randomN', int(s.randomN, 1, 1_000_000, 'N')) };
      break;
    case 'stratified':
      sampling = { kind: 'stratified', per: 'competition', n: take('stratifiedN', int(s.stratifiedN, 1, 100_000, 'N')) };
      break;
    default:
      sampling = { kind: 'all' };
  }

  const seed = take('seed', int(s.seed, 0, 2 ** 31 - 1, 'The seed'));
  const maxCandidates = take('maxCandidates', int(s.maxCandidates, 1, 1_000_000, 'The limit'));
  if (Object.keys(errors).length > 0) return { errors };

  const search = s.search.trim();
  const user = s.user.trim();
  return {
    input: {
      name,
      filters: {
        language: s.language,
        kernelType: s.kernelType,
        ...(s.outputType && { outputType: s.outputType }),
        sortBy: s.sortBy,
        ...(search && { search }),
        ...(user && { user }),
        ...(competitions.length > 0 && { competitions }),
        ...(datasets.length > 0 && { datasets }),
      },
      scope,
      sampling,
      seed,
      maxCandidates,
    },
  };
}
