import type { StrategyDefinition } from '@/lib/kaggle/strategy-schema';

// One line a person can read for a strategy's rule, e.g.
// "top 5 % by votes in each of the top 5 competitions by notebooks · python notebooks · seed 7".

type Definition = Pick<StrategyDefinition, 'scope' | 'sampling' | 'seed'> & { filters: Partial<StrategyDefinition['filters']> };

export const SORT_LABELS: Record<StrategyDefinition['filters']['sortBy'], string> = {
  VOTE_COUNT: 'votes',
  HOTNESS: 'hotness',
  COMMENT_COUNT: 'comments',
  DATE_CREATED: 'date created',
  DATE_RUN: 'date run',
  RELEVANCE: 'relevance',
  SCORE_ASCENDING: 'score (ascending)',
  SCORE_DESCENDING: 'score (descending)',
  VIEW_COUNT: 'views',
};

/** HOST_SEGMENT_GETTING_STARTED → "getting started". */
export function categoryLabel(category: string): string {
  return category.replace(/^HOST_SEGMENT_/, '').replace(/_/g, ' ').toLowerCase();
}

function list(items: string[], max = 3): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** The competitions a scope covers, as a noun phrase: "the top 5 competitions by notebooks". */
export function describeScope(scope: Definition['scope']): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'competitions':
      return scope.slugs.length === 1 ? scope.slugs[0] : list(scope.slugs);
    case 'top-competitions': {
      const category = scope.category ? ` ${categoryLabel(scope.category)}` : '';
      return scope.n === 1 ? `the top${category} competition by ${scope.by}` : `the top ${scope.n}${category} competitions by ${scope.by}`;
    }
  }
}

function describeRule(def: Definition): string {
  const where = describeScope(def.scope);
  const s = def.sampling;
  const many = def.scope.kind === 'competitions' ? def.scope.slugs.length > 1 : def.scope.kind === 'top-competitions' ? def.scope.n > 1 : true;
  const perCompetition = where === null ? 'in each competition' : many ? `in each of ${where}` : `in ${where}`;
  const from = where === null ? '' : ` from ${where}`;
  switch (s.kind) {
    case 'all':
      return where === null ? 'every notebook found' : `every notebook of ${where}`;
    case 'top-k':
      return `top ${s.k.toLocaleString('en')} by votes${from}`;
    case 'top-percent':
      return `top ${s.percent} % by votes ${perCompetition}`;
    case 'random':
      return `${s.n.toLocaleString('en')} at random${from}`;
    case 'stratified':
      return `${s.n.toLocaleString('en')} at random ${perCompetition}`;
  }
}

function describeFilters(f: Definition['filters']): string {
  const kind = f.kernelType === 'script' ? 'scripts' : f.kernelType === 'all' ? 'notebooks and scripts' : 'notebooks';
  const language = f.language === 'r' ? 'R ' : f.language === 'all' ? '' : 'python ';
  const parts = [`${language}${kind}`];
  if (f.outputType && f.outputType !== 'all') parts.push(`with ${f.outputType} output`);
  if (f.search) parts.push(`matching “${f.search}”`);
  if (f.user) parts.push(`by ${f.user}`);
  if (f.competitions?.length) parts.push(`of ${list(f.competitions)}`);
  if (f.datasets?.length) parts.push(`using ${list(f.datasets)}`);
  if (f.sortBy && f.sortBy !== 'VOTE_COUNT') parts.push(`listed by ${SORT_LABELS[f.sortBy]}`);
  return parts.join(' ');
}

export function describeStrategy(def: Definition): string {
  return [describeRule(def), describeFilters(def.filters), `seed ${def.seed}`].join(' · ');
}
