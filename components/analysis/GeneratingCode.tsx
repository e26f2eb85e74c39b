'use client';
// The code that made a figure: its slice (every line it depends on, across cells), its own cell, or
// the whole notebook with the slice highlighted.
import Link from 'next/link';
import { useState } from 'react';
import { CodeBlock } from '@/components/notebook/CodeBlock';

type Mode = 'slice' | 'cell';

export function GeneratingCode(props: { visualisationId: number; notebookId: number; cellPosition: number; cellSource: string | null; slice: { cells: number[]; code: string } | null }) {
  const [mode, setMode] = useState<Mode>(props.slice ? 'slice' : 'cell');
  return (
    <>
      {/* The title alone is a section title: the view links beside it keep their own case. */}
      <div className="row" style={{ gap: 8, margin: '16px 0 6px' }}>
        <span className="section-title" style={{ margin: 0 }}>Generating code</span>
        <span className="tabs" role="group" aria-label="generating code view" style={{ margin: 0 }}>
          {props.slice && <button className={`btn ${mode === 'slice' ? 'on' : ''}`} onClick={() => setMode('slice')} aria-pressed={mode === 'slice'}>slice</button>}
          <button className={`btn ${mode === 'cell' ? 'on' : ''}`} onClick={() => setMode('cell')} aria-pressed={mode === 'cell'}>cell</button>
          <Link className="btn" href={`/notebooks/${props.notebookId}?slice=${props.visualisationId}#cell-${props.cellPosition}`}>notebook</Link>
        </span>
      </div>
      {mode === 'slice' && props.slice ? (
        <div data-testid="slice">
          <p className="sub">Lines from {props.slice.cells.length === 1 ? 'one cell' : `cells ${props.slice.cells.join(', ')}`} that this figure depends on.</p>
          <CodeBlock code={props.slice.code} />
        </div>
      ) : (
        props.cellSource !== null && <CodeBlock code={props.cellSource} />
      )}
    </>
  );
}
