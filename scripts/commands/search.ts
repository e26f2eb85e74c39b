import { openDatabase } from '../../lib/db/client';
import { searchQuery } from '../../lib/search/schemas';
import { RANK_WINDOW, searchCells } from '../../lib/search/search-cells';

/** `vizmine search "<query>"`: ranked cells whose markdown or code match; `--json`: one line per hit. */
export async function searchCommand(q: string, opts: { dataDir?: string; kind?: string; limit?: number; exact?: boolean; json?: boolean }): Promise<number> {
  const query = searchQuery.parse({ q, kind: opts.kind, limit: opts.limit, exact: opts.exact ?? false });
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    const { hits, ranked, complete } = await searchCells(store.db, query);
    for (const h of hits) {
      if (opts.json) {
        console.log(JSON.stringify({ notebookId: h.notebookId, cell: h.cell, kind: h.kind, snippet: h.snippet, highlights: h.highlights, rank: h.rank }));
      } else {
        const marked = h.highlights.reduceRight((s, [a, b]) => `${s.slice(0, a)}[${s.slice(a, b)}]${s.slice(b)}`, h.snippet);
        console.log(`${h.notebookTitle} — cell ${h.cell} (${h.kind}, notebook ${h.notebookId}, rank ${h.rank.toFixed(3)})\n  ${marked.replace(/\s+/g, ' ').trim()}`);
      }
    }
    if (!opts.json) {
      const of = complete ? `${ranked} matching cells` : `more than ${RANK_WINDOW} matching cells: the best of the first ${RANK_WINDOW} found (--exact ranks them all)`;
      console.error(`${of}${ranked > hits.length ? `, the first ${hits.length} shown (--limit)` : ''}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
