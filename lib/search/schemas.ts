import { z } from 'zod';

export const searchKinds = ['markdown', 'code'] as const;
export type SearchKind = (typeof searchKinds)[number];

// Web-search syntax as PostgreSQL's websearch_to_tsquery reads it: "quoted phrase", -exclude, or.
export const searchQuery = z.object({
  q: z.string().trim().min(1, 'type something to search for').max(300),
  kind: z.enum(searchKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  origin: z.enum(['originals', 'reproductions', 'all']).default('originals'),
  // Rank every matching cell, however many (seconds for a word in most notebooks); otherwise the
  // ranking stops at RANK_WINDOW matches (lib/search/search-cells.ts).
  exact: z
    .union([z.boolean(), z.enum(['1', 'true', '0', 'false'])])
    .transform((v) => v === true || v === '1' || v === 'true')
    .default(false),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** What a search returns: one page of hits and how many cells they were ranked among. */
export interface SearchResult {
  hits: SearchHit[];
  /** How many matching cells were ranked: every match when `complete`, else the first RANK_WINDOW found. */
  ranked: number;
  /** True when every matching cell was ranked; `ranked` is then the exact number of matches. */
  complete: boolean;
}

/** The exact number of matching cells and of the notebooks they are in (GET /api/search/count). */
export interface SearchCount {
  cells: number;
  notebooks: number;
}

export interface SearchHit {
  notebookId: number;
  notebookTitle: string;
  /** The cell's 0-based index among all of the notebook's cells (the one numbering used everywhere). */
  cell: number;
  kind: SearchKind;
  /** A short passage of the cell around the matches, as plain text. */
  snippet: string;
  /** [start, end) character offsets of the matched words within `snippet`. */
  highlights: Array<[number, number]>;
  rank: number;
}
