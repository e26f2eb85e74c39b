import type postgres from 'postgres';
import { rawSql, type Db } from '../../db/client';
import { pickRandom } from './seeded-sample';

export type MetaKaggleScope =
  | { kind: 'top-competitions'; n: number; by: 'notebooks' | 'teams'; category?: string }
  | { kind: 'competitions'; slugs: string[] }
  | { kind: 'all' };

export type MetaKaggleSampling =
  | { kind: 'all' }
  | { kind: 'top-k'; k: number }
  | { kind: 'top-percent'; percent: number; within: 'competition' }
  | { kind: 'random'; n: number; seed?: number } // seed defaults to the run's seed
  | { kind: 'stratified'; per: 'competition'; n: number };

export interface MetaKaggleFilters {
  language?: 'python' | 'r' | 'all'; // default python
  search?: string; // in the current version's title, case-insensitive
  user?: string; // author's user name
}

export interface MetaKaggleSelection {
  scope: MetaKaggleScope;
  sampling: MetaKaggleSampling;
  filters?: MetaKaggleFilters;
}

export interface SelectedKernel {
  ref: string; // UserName/CurrentUrlSlug, as the Kaggle API names it
  kernelId: number;
  kernelVersionId: number; // the current version (its file in Meta Kaggle Code: code-path.ts)
  title: string | null;
  author: string;
  competition: string | null; // slug
  votes: number;
  medal: 'gold' | 'silver' | 'bronze' | null;
  rank: number; // 1-based position within its stratum, by the sampling rule's order
  language: string | null; // 'python', 'r', else the lower-cased KernelLanguages.Name
}

/**
 * Selects kernels from the imported Meta Kaggle tables. Rules, all deterministic:
 * - A kernel belongs to a competition through its current version's competition sources; citing several
 *   scoped competitions, it counts once, for the best-ranked of them (scope 'all': the lowest id).
 * - 'top-competitions' by notebooks = kernels whose current version cites it (any language), ties by id.
 * - Votes order: TotalVotes desc (missing = 0), ties by kernel Id asc. 'top-percent' keeps
 *   ceil(percent/100 × count) kernels of each competition; 'top-k' the k first over the whole scope.
 * - 'random' and 'stratified' draw with a seeded PRNG (mulberry32) over candidates in Id order, so the
 *   same seed over the same data gives the same rows (seeded-sample.ts).
 * Output order: by competition (scope order) then rank for per-competition rules; by rank otherwise.
 */
export async function selectFromMetaKaggle(db: Db, selection: MetaKaggleSelection, seed: number): Promise<SelectedKernel[]> {
  const sql = rawSql(db);
  const { scope, sampling } = selection;
  validate(selection);
  if (scope.kind === 'competitions' && scope.slugs.length === 0) return [];
  const base = candidates(sql, scope, selection.filters ?? {});
  const perCompetition = sampling.kind === 'top-percent' || sampling.kind === 'stratified';
  const order = perCompetition ? sql`comp_ord nulls last, comp_id, rank` : sql`rank`;

  if (sampling.kind === 'random' || sampling.kind === 'stratified') {
    const ids = await sql`with ${base} select kernel_id, comp_id from cand order by kernel_id`;
    const picked = pickRandom(
      ids.map((r) => ({ id: Number(r.kernel_id), stratum: sampling.kind === 'stratified' ? Number(r.comp_id ?? 0) : 0 })),
      sampling.n,
      sampling.kind === 'random' ? (sampling.seed ?? seed) : seed,
    );
    const rows = await sql`
      with ${base}, picked as (select * from unnest(${picked.map((p) => p.id)}::bigint[], ${picked.map((p) => p.rank)}::int[]) as p(id, rank))
      select cand.*, picked.rank from cand join picked on picked.id = cand.kernel_id order by ${order}, kernel_id`;
    return rows.map(toKernel);
  }
  const ranked =
    sampling.kind === 'top-percent'
      ? sql`select *, row_number() over (partition by comp_id order by votes desc, kernel_id) as rank,
               count(*) over (partition by comp_id) as n from cand`
      : sql`select *, row_number() over (order by votes desc, kernel_id) as rank from cand`;
  const keep =
    sampling.kind === 'top-percent'
      ? sql`where rank <= ceil(n * ${sampling.percent}::numeric / 100)`
      : sampling.kind === 'top-k'
        ? sql`where rank <= ${sampling.k}`
        : sql``;
  const rows = await sql`with ${base}, ranked as (${ranked}) select * from ranked ${keep} order by ${order}, kernel_id`;
  return rows.map(toKernel);
}

/** How many kernels the scope and filters match (what `selectFromMetaKaggle` samples from), counted in SQL. */
export async function countMetaKaggle(db: Db, scope: MetaKaggleScope, filters: MetaKaggleFilters = {}): Promise<number> {
  const sql = rawSql(db);
  validate({ scope, sampling: { kind: 'all' } });
  if (scope.kind === 'competitions' && scope.slugs.length === 0) return 0;
  const [{ n }] = await sql`with ${candidates(sql, scope, filters)} select count(*)::int as n from cand`;
  return n;
}

/** CTEs `sc` (competitions in scope, with their order) … `cand` (eligible kernels, one row each). */
function candidates(sql: postgres.Sql, scope: MetaKaggleScope, filters: MetaKaggleFilters) {
  const category = scope.kind === 'top-competitions' && scope.category
    ? sql`and regexp_replace(lower(c.host_segment_title), '[^a-z]', '', 'g') = ${normaliseCategory(scope.category)}`
    : sql``;
  const sc =
    scope.kind === 'all'
      ? sql`select c.id, c.slug, c.id as ord from mk_competitions c`
      : scope.kind === 'competitions'
        ? sql`select c.id, c.slug, array_position(${scope.slugs.map((s) => s.toLowerCase())}::text[], lower(c.slug)) as ord
              from mk_competitions c where lower(c.slug) = any(${scope.slugs.map((s) => s.toLowerCase())}::text[])`
        : scope.by === 'teams'
          ? sql`select c.id, c.slug, row_number() over (order by c.total_teams desc nulls last, c.id) as ord
                from mk_competitions c where true ${category} order by ord limit ${scope.n}`
          : sql`select c.id, c.slug, row_number() over (order by count(distinct k.id) desc, c.id) as ord
                from mk_competitions c
                join mk_kernel_version_competition_sources s on s.source_competition_id = c.id
                join mk_kernels k on k.current_kernel_version_id = s.kernel_version_id
                where true ${category} group by c.id order by ord limit ${scope.n}`;
  const lang = filters.language ?? 'python';
  const python = sql`l.name in ('IPython Notebook HTML', 'Python')`;
  const r = sql`lower(l.name) ~ '^r( notebook| markdown|markdown)?$'`;
  const where = [
    lang === 'python' ? sql`and ${python}` : lang === 'r' ? sql`and ${r}` : sql``,
    filters.search ? sql`and v.title ilike ${'%' + filters.search.replace(/[\\%_]/g, '\\$&') + '%'}` : sql``,
    filters.user ? sql`and lower(u.user_name) = ${filters.user.toLowerCase()}` : sql``,
  ];
  return sql`
    sc as (${sc}),
    comp_kernel as (
      select distinct on (s.kernel_version_id) s.kernel_version_id, sc.id, sc.slug, sc.ord
      from sc join mk_kernel_version_competition_sources s on s.source_competition_id = sc.id
      order by s.kernel_version_id, sc.ord),
    cand as (
      select k.id as kernel_id, k.current_kernel_version_id as version_id, u.user_name as author,
             k.current_url_slug as slug, v.title, coalesce(k.total_votes, 0) as votes, k.medal,
             case when ${python} then 'python' when ${r} then 'r' else lower(l.name) end as language,
             ck.id as comp_id, ck.slug as comp_slug, ck.ord as comp_ord
      from mk_kernels k
      join mk_users u on u.id = k.author_user_id
      join mk_kernel_versions v on v.id = k.current_kernel_version_id
      left join mk_kernel_languages l on l.id = v.script_language_id
      ${scope.kind === 'all' ? sql`left join` : sql`join`} comp_kernel ck on ck.kernel_version_id = k.current_kernel_version_id
      where k.current_url_slug is not null and u.user_name is not null ${where[0]} ${where[1]} ${where[2]})`;
}

/** 'HOST_SEGMENT_GETTING_STARTED' (the API's enum) and 'Getting Started' (Meta Kaggle's title) both → 'gettingstarted'. */
function normaliseCategory(category: string): string {
  return category.toLowerCase().replace(/^host_segment_/, '').replace(/[^a-z]/g, '');
}

const MEDALS = { 1: 'gold', 2: 'silver', 3: 'bronze' } as const;

function toKernel(r: postgres.Row): SelectedKernel {
  return {
    ref: `${r.author}/${r.slug}`,
    kernelId: Number(r.kernel_id),
    kernelVersionId: Number(r.version_id),
    title: r.title,
    author: r.author,
    competition: r.comp_slug ?? null,
    votes: Number(r.votes),
    medal: MEDALS[r.medal as 1 | 2 | 3] ?? null,
    rank: Number(r.rank),
    language: r.language ?? null,
  };
}

function validate({ scope, sampling }: MetaKaggleSelection): void {
  const count = (v: number, what: string) => {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${what} must be a positive integer, not ${v}`);
  };
  if (scope.kind === 'top-competitions') count(scope.n, 'scope.n');
  if (sampling.kind === 'top-k') count(sampling.k, 'sampling.k');
  if (sampling.kind === 'random' || sampling.kind === 'stratified') count(sampling.n, 'sampling.n');
  if (sampling.kind === 'top-percent' && !(sampling.percent > 0 && sampling.percent <= 100)) {
    throw new RangeError(`sampling.percent must be in (0, 100], not ${sampling.percent}`);
  }
}
