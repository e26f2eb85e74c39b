'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useSearch, useSearchCount, type SearchHit, type SearchKind, type SearchResult } from '@/components/hooks/useSearch';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';
import { noun, plural } from '@/lib/text/plural';

const PAGE = 30;

/** Full-text search over markdown and code: ranked cells with their snippets; a hit opens its cell. */
export function SearchPage() {
  const params = useSearchParams();
  const router = useRouter();
  const q = params.get('q') ?? '';
  const kind = (params.get('kind') as SearchKind | null) ?? undefined;
  const offset = Number(params.get('offset') ?? 0);
  const exact = params.get('exact') === '1';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const go = (patch: { q?: string; kind?: string; offset?: number; exact?: string }) => {
    const next = new URLSearchParams({ q, ...(kind ? { kind } : {}), ...(exact ? { exact: '1' } : {}), offset: '0' });
    for (const [k, v] of Object.entries(patch)) v === '' || v === undefined ? next.delete(k) : next.set(k, String(v));
    router.replace(`/search?${next}`);
  };
  const { data, error, isFetching } = useSearch({ q, kind, offset, exact });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Search</h1>
          {data && q ? (
            <Matches result={data} q={q} kind={kind} onExact={() => go({ exact: '1' })} />
          ) : (
            <p className="sub">Markdown (English stemming) and code (identifiers and dotted calls such as sns.heatmap)</p>
          )}
        </div>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            go({ q: text.trim(), exact: '' });
          }}
        >
          <select aria-label="kind of cell" value={kind ?? ''} onChange={(e) => go({ kind: e.target.value, exact: '' })}>
            <option value="">Markdown and code</option>
            <option value="markdown">Markdown only</option>
            <option value="code">Code only</option>
          </select>
          <input type="search" autoFocus placeholder='fairness, "learning curve", sns.heatmap -titanic' value={text} onChange={(e) => setText(e.target.value)} aria-label="search query" />
          <button className="btn primary">Search</button>
        </form>
      </div>
      {!q ? (
        <EmptyState title="Search what notebooks say and do">
          Words are matched by their stem in markdown (<code>overfit</code> finds “overfitting”); code is matched by names and calls
          (<code>confusion_matrix</code>, <code>sns.heatmap</code>). Use quotes for a phrase, <code>-word</code> to leave a word out, and <code>or</code>.
        </EmptyState>
      ) : error ? (
        <ErrorState error={error} />
      ) : !data ? (
        <Skeleton height={60} count={6} />
      ) : data.hits.length === 0 ? (
        <EmptyState title="No cell matches">Try fewer words, or another spelling; a phrase in quotes must appear as written.</EmptyState>
      ) : (
        <>
          <ol className="search-hits" style={{ opacity: isFetching ? 0.6 : 1 }} start={offset + 1}>
            {data.hits.map((h) => (
              <Hit key={`${h.notebookId}-${h.cell}`} hit={h} />
            ))}
          </ol>
          <div className="row" style={{ marginTop: 12 }}>
            <button className="btn" disabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - PAGE) })}>
              ← Previous
            </button>
            <span className="sub">
              {offset + 1}–{offset + data.hits.length} of {data.complete ? '' : 'the first '}
              {data.ranked.toLocaleString('en')}
            </span>
            <button className="btn" disabled={offset + PAGE >= data.ranked} onClick={() => go({ offset: offset + PAGE })}>
              Next →
            </button>
          </div>
        </>
      )}
    </>
  );
}

/**
 * How many cells match. When the ranking stopped at the first matches found (a common word in a large
 * corpus), says so, counts all of them in a second request, and offers to rank them all.
 */
function Matches({ result, q, kind, onExact }: { result: SearchResult; q: string; kind?: SearchKind; onExact: () => void }) {
  const count = useSearchCount({ q, kind }, !result.complete);
  if (result.complete) {
    return (
      <p className="sub" data-testid="search-total">
        {plural(result.ranked, 'cell')} of the original notebooks {noun(result.ranked, 'matches', 'match')}
      </p>
    );
  }
  return (
    <p className="sub" data-testid="search-total">
      {count.data
        ? `${plural(count.data.cells, 'cell')} in ${plural(count.data.notebooks, 'notebook')} match`
        : count.error
          ? `More than ${result.ranked.toLocaleString('en')} cells match (they could not be counted: ${count.error.message})`
          : `More than ${result.ranked.toLocaleString('en')} cells match (counting…)`}
      . Ranked: the best of the first {result.ranked.toLocaleString('en')} found.{' '}
      <button className="link" onClick={onExact} data-testid="search-exact">
        Rank them all
      </button>{' '}
      (slower), or narrow the search.
    </p>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="search-hit">
      <Link href={`/notebooks/${hit.notebookId}#cell-${hit.cell}`} data-testid="search-hit">
        <span className="search-hit-title">{hit.notebookTitle}</span> <span className="badge">{hit.kind}</span> <span className="sub">cell {hit.cell}</span>
      </Link>
      <Snippet hit={hit} />
    </li>
  );
}

/** The snippet as text nodes with <mark> around the matches: notebook text is never parsed as HTML. */
function Snippet({ hit }: { hit: SearchHit }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start > at) parts.push(hit.snippet.slice(at, start));
    parts.push(<mark key={start}>{hit.snippet.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(hit.snippet.slice(at));
  return <div className={`search-snippet ${hit.kind === 'code' ? 'mono' : ''}`}>{parts}</div>;
}
