import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SearchCount, SearchKind, SearchQuery, SearchResult } from './schemas';

// Markers ts_headline puts around matches: control characters no notebook text is shown with, so the
// snippet stays plain text and the client draws the highlights itself (no HTML from notebooks).
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** The match condition of a search, for the cells table aliased `c` (also used by the gallery's `q`). */
export function cellsMatch(q: string, kind?: SearchKind): SQL {
  const markdown = sql`(c.cell_type = 'markdown' and c.search @@ websearch_to_tsquery('english', ${q}))`;
  const code = sql`(c.cell_type = 'code' and c.search @@ websearch_to_tsquery('simple', ${q}))`;
  if (kind === 'markdown') return markdown;
  if (kind === 'code') return code;
  return sql`(${markdown} or ${code})`;
}

/**
 * How many matching cells a search ranks before it stops looking. A word found in most notebooks
 * matches hundreds of thousands of cells in a large corpus, and ranking them all takes seconds
 * (docs/scale.md); the first RANK_WINDOW matches the index returns (storage order, which is about import
 * order) are ranked instead, and the result says so (`complete: false`). `exact` ranks every match.
 */
export const RANK_WINDOW = 2_000;

const tsQuery = (q: string) => sql`case when c.cell_type = 'markdown' then websearch_to_tsquery('english', ${q}) else websearch_to_tsquery('simple', ${q}) end`;

/** One match past the window: it says whether the window is full. Nothing when every match is ranked. */
const windowLimit = (query: SearchQuery) => (query.exact ? sql`` : sql`limit ${RANK_WINDOW + 1}`);

/** Matching cells of imported notebooks of the chosen origin, for the cells table aliased `c`. */
function matchingCells(query: SearchQuery): SQL {
  const origin =
    query.origin === 'originals' ? sql`and n.reproduced_from is null` : query.origin === 'reproductions' ? sql`and n.reproduced_from is not null` : sql``;
  return sql`cells c join notebooks n on n.id = c.notebook_id where ${cellsMatch(query.q, query.kind)} and n.status = 'imported' ${origin}`;
}

/**
 * Full-text search over notebook cells: markdown with English stemming, code by identifiers and dotted
 * calls (see CELL_SEARCH_SQL). Ranked by ts_rank_cd (matches close together count more), ties by
 * notebook and cell, over every match when there are at most RANK_WINDOW (or `exact`), else over the
 * first RANK_WINDOW found; the page's snippets are made for the returned rows only.
 */
export async function searchCells(db: Db, query: SearchQuery): Promise<SearchResult> {
  const rows = await db.transaction(async (tx) => {
    // The index's bitmap of a common word's matches must stay exact (no lossy pages whose every cell is
    // then re-read), and a parallel worker's start costs more than the window's few thousand rows.
    await tx.execute(sql`set local work_mem = '32MB'`);
    if (!query.exact) await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return tx.execute<{ notebook_id: number; title: string; position: number; cell_type: SearchKind; rank: number; headline: string; found: number }>(sql`
    with found as (
      select c.id, c.notebook_id, c.position, c.cell_type, c.search from ${matchingCells(query)} ${windowLimit(query)}
    ),
    numbered as (select *, row_number() over () as n, count(*) over () as found from found),
    matched as (
      -- the one match past the window only says that the window is full
      select c.id, c.notebook_id, c.position, c.cell_type, ts_rank_cd(c.search, ${tsQuery(query.q)}) as rank, c.found
      from numbered c where ${query.exact ? sql`true` : sql`c.n <= ${RANK_WINDOW}`}
    ),
    page as (
      select * from matched
      order by rank desc, notebook_id, position
      limit ${query.limit} offset ${query.offset}
    )
    select p.notebook_id, n.title, p.position, p.cell_type, p.rank, p.found::int as found,
           ts_headline(case when p.cell_type = 'markdown' then 'english' else 'simple' end::regconfig, left(c.source, 100000),
                       ${tsQuery(query.q)}, ${HEADLINE}) as headline
    from page p join cells c on c.id = p.id join notebooks n on n.id = p.notebook_id
    order by p.rank desc, p.notebook_id, p.position
  `);
  });
  // A page past the last hit has no rows to carry the count: count again (cheap, bounded by the window).
  const found = rows.length > 0 ? Number(rows[0].found) : query.offset > 0 ? await countFound(db, query) : 0;
  const complete = query.exact || found <= RANK_WINDOW;
  return {
    ranked: complete ? found : RANK_WINDOW,
    complete,
    hits: rows.map((r) => ({
      notebookId: Number(r.notebook_id),
      notebookTitle: r.title,
      cell: Number(r.position),
      kind: r.cell_type,
      rank: Number(r.rank),
      ...highlightsOf(r.headline),
    })),
  };
}

async function countFound(db: Db, query: SearchQuery): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${matchingCells(query)} ${windowLimit(query)}) f`);
  return Number(row.n);
}

/** The exact number of matching cells and notebooks: every match is visited (seconds for common words). */
export async function countSearchMatches(db: Db, query: SearchQuery): Promise<SearchCount> {
  const [row] = await db.execute<{ cells: number; notebooks: number }>(
    sql`select count(*)::int as cells, count(distinct c.notebook_id)::int as notebooks from ${matchingCells(query)}`,
  );
  return { cells: Number(row.cells), notebooks: Number(row.notebooks) };
}

/** The headline as plain text and the offsets of its marked words. */
export function highlightsOf(headline: string): { snippet: string; highlights: Array<[number, number]> } {
  let snippet = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  for (const ch of headline) {
    if (ch === START) open = snippet.length;
    else if (ch === STOP) {
      if (open >= 0) highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
