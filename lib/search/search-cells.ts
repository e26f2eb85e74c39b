import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SearchHit, SearchKind, SearchQuery } from './schemas';

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
 * Full-text search over notebook cells: markdown with English stemming, code by identifiers and dotted
 * calls (see CELL_SEARCH_SQL). Ranked by ts_rank_cd (matches close together count more), ties by
 * notebook and cell; the page's snippets are made for the returned rows only.
 */
export async function searchCells(db: Db, query: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
  const origin =
    query.origin === 'originals' ? sql`and n.reproduced_from is null` : query.origin === 'reproductions' ? sql`and n.reproduced_from is not null` : sql``;
  const rows = await db.execute<{ notebook_id: number; title: string; position: number; cell_type: SearchKind; rank: number; headline: string; total: number }>(sql`
    with matched as (
      select c.id, c.notebook_id, c.position, c.cell_type,
             ts_rank_cd(c.search, case when c.cell_type = 'markdown' then websearch_to_tsquery('english', ${query.q}) else websearch_to_tsquery('simple', ${query.q}) end) as rank
      from cells c join notebooks n on n.id = c.notebook_id
      where ${cellsMatch(query.q, query.kind)} and n.status = 'imported' ${origin}
    ),
    page as (
      select *, count(*) over () as total from matched
      order by rank desc, notebook_id, position
      limit ${query.limit} offset ${query.offset}
    )
    select p.notebook_id, n.title, p.position, p.cell_type, p.rank, p.total::int as total,
           ts_headline(case when p.cell_type = 'markdown' then 'english' else 'simple' end::regconfig, left(c.source, 100000),
                       case when p.cell_type = 'markdown' then websearch_to_tsquery('english', ${query.q}) else websearch_to_tsquery('simple', ${query.q}) end,
                       ${HEADLINE}) as headline
    from page p join cells c on c.id = p.id join notebooks n on n.id = p.notebook_id
    order by p.rank desc, p.notebook_id, p.position
  `);
  return {
    total: rows[0]?.total ?? 0,
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
