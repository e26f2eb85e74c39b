'use client';
import { cellLabel } from '@/lib/notebooks/cell-label';
import { useEffect } from 'react';
import type { NotebookDetail } from '@/components/hooks/types';
import type { NbOutput } from '@/lib/notebooks/types';
import { Markdown } from './Markdown';
import { CodeBlock } from './CodeBlock';
import { Output, type OutputVisualisation } from './Output';
import { useProgressive } from './useProgressive';

/**
 * A notebook's cells, rendered progressively (see useProgressive): long notebooks show their first
 * screen at once. A link to a cell (#cell-12) starts the rendered slice there and scrolls to it.
 */
export function NotebookCells({ cells, total, visualisations, sliceLines, jumpTo }: Pick<NotebookDetail, 'cells' | 'visualisations'> & { total: number; sliceLines?: Map<number, Set<number>>; jumpTo?: number | null }) {
  const hash = typeof window !== 'undefined' ? window.location.hash : '';
  const linked = jumpTo ?? Number(/^#cell-(\d+)$/.exec(hash)?.[1] ?? 0);
  const { start, end, sentinel, showEarlier, showAll } = useProgressive(cells.length, { from: linked });
  useEffect(() => {
    if (hash) document.querySelector(hash)?.scrollIntoView();
  }, [hash]);

  const visAt = new Map<string, OutputVisualisation>();
  for (const v of visualisations) visAt.set(`${v.cellPosition}:${v.outputIndex}`, v);
  // A jump from the Analysis tab is known before the URL's hash is updated.
  const highlighted = jumpTo != null ? `cell-${jumpTo}` : hash.slice(1);

  return (
    <div className="nb">
      {start > 0 && (
        <div className="sub" data-testid="earlier-cells" style={{ padding: 12 }}>
          {start.toLocaleString('en')} earlier cells not shown.{' '}
          <button className="btn" onClick={showEarlier}>
            Show earlier cells
          </button>
        </div>
      )}
      {cells.slice(start, end).map((cell) => (
        <div key={cell.id} id={`cell-${cell.position}`} className={`cell ${highlighted === `cell-${cell.position}` ? 'highlight' : ''} ${sliceLines?.has(cell.position) ? 'in-slice' : ''}`}>
          <div className="prompt" title={cellLabel(cell.position)}>{cell.cellType === 'code' ? `[${cell.executionCount ?? ' '}]` : ''}</div>
          <div>
            {cell.cellType === 'markdown' ? (
              <Markdown source={cell.source} />
            ) : cell.cellType === 'raw' ? (
              <pre className="output">{cell.source}</pre>
            ) : (
              <>
                <CodeBlock code={cell.source} marked={sliceLines?.get(cell.position)} />
                {(cell.outputs as NbOutput[]).map((o, i) => (
                  <Output key={i} output={o} visualisation={visAt.get(`${cell.position}:${i}`)} />
                ))}
              </>
            )}
          </div>
        </div>
      ))}
      {end < total && (
        // keyed by `end`: a new element each time, so it is observed afresh even if it stays in view
        <div key={end} ref={sentinel} className="sub" data-testid="more-cells" style={{ padding: 12 }}>
          Showing {(Math.min(end, cells.length) - start).toLocaleString('en')} of {total.toLocaleString('en')} cells; more load as you scroll.{' '}
          <button className="btn" onClick={showAll}>
            Show all
          </button>
        </div>
      )}
    </div>
  );
}
