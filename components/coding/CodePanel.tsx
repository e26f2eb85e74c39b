'use client';
import { forwardRef, useState } from 'react';
import type { WorkCode } from '@/components/hooks/useCoding';
import { matchCodes, RESERVED } from './keymap';
import styles from './coding.module.css';

/**
 * The codes with their keys (1–9 by position, plus the code's own letter), which are applied, and
 * type-to-search over names and definitions: Enter applies the highlighted match. Creating a code
 * is always an explicit choice, never a stray Enter: "Create 'name'" is the last option (reach it
 * with the arrows, or press Shift+Enter), offered only to those who may (canCreate).
 */
export const CodePanel = forwardRef<HTMLInputElement, {
  codes: WorkCode[];
  applied: Set<number>;
  disabled: boolean;
  regionPending: boolean;
  onApply: (codeId: number) => void;
  onCreate: (name: string) => void;
  onSearchDone: () => void;
  creating: boolean;
  canCreate: boolean;
}>(function CodePanel({ codes, applied, disabled, regionPending, onApply, onCreate, onSearchDone, creating, canCreate }, ref) {
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  // The create option is highlighted only when the arrows moved there: Enter alone never creates.
  const [moved, setMoved] = useState(false);
  const matches = matchCodes(codes, query);
  const name = query.trim();
  // The create option sits after the matches: cursor === matches.length selects it.
  const offerCreate = canCreate && !!name && !codes.some((c) => c.name.toLowerCase() === name.toLowerCase());
  const last = matches.length - (offerCreate ? 0 : 1);
  const at = Math.min(cursor, Math.max(last, 0));
  const highlighted = query && at < matches.length ? matches[at] : undefined;
  const createHighlighted = offerCreate && moved && at === matches.length;
  const create = () => {
    onCreate(name);
    finish();
  };
  const finish = () => {
    setQuery('');
    setCursor(0);
    setMoved(false);
    onSearchDone();
  };
  return (
    <div className="panel" style={{ padding: 10 }}>
      <div className="section-title" style={{ marginTop: 0 }}>
        Codes {regionPending && <span className="badge accent">choose the region’s code</span>}
      </div>
      <input
        ref={ref}
        className={styles.search}
        placeholder={canCreate ? '/ search or create a code' : '/ search codes'}
        aria-label="search codes"
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setCursor(0);
          setMoved(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            setCursor(Math.min(at + 1, Math.max(last, 0)));
            setMoved(true);
          } else if (e.key === 'ArrowUp') {
            setCursor(Math.max(at - 1, 0));
            setMoved(true);
          } else if (e.key === 'Escape') finish();
          else if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey || createHighlighted) {
              if (offerCreate) create();
            } else if (highlighted) {
              onApply(highlighted.id);
              finish();
            }
          } else return;
          e.stopPropagation();
        }}
      />
      {query && matches.length === 0 && (
        <p className="sub" style={{ fontSize: 12, margin: '4px 0' }} data-testid="no-match">
          No code matches “{name}”
          {offerCreate ? <>: <span className="kbd">Shift+Enter</span> creates it.</> : canCreate ? '.' : '; only the study’s supervisors add codes (unless the study allows open coding).'}
        </p>
      )}
      <div className={styles.codes} style={{ marginTop: 6 }} data-testid="codes">
        {codes.length === 0 && <p className="sub">This study has no codes yet{canCreate ? ': type a name above and press Shift+Enter to create the first one' : '; a supervisor adds them in the codebook'}.</p>}
        {(query ? matches : codes).map((c) => {
          const index = codes.indexOf(c);
          return (
            <button
              key={c.id}
              type="button"
              className={`${styles.code} ${applied.has(c.id) ? styles.applied : ''} ${highlighted?.id === c.id ? styles.match : ''}`}
              onClick={() => onApply(c.id)}
              disabled={disabled}
              title={c.shortDefinition || c.path}
              data-testid="code"
              aria-pressed={applied.has(c.id)}
            >
              <span className={styles.swatch} style={{ background: c.colour }} />
              <span>
                {c.name}
                {c.path !== c.name && <div className={styles.path}>{c.path}</div>}
              </span>
              <span className={styles.keys}>
                {index < 9 && <span className="kbd">{index + 1}</span>}
                {c.shortcut && (
                  <span className="kbd" style={RESERVED.has(c.shortcut) ? { textDecoration: 'line-through' } : undefined} title={RESERVED.has(c.shortcut) ? 'this key is a workspace command' : undefined}>
                    {c.shortcut}
                  </span>
                )}
              </span>
            </button>
          );
        })}
        {offerCreate && (
          <button type="button" className={`${styles.code} ${createHighlighted ? styles.match : ''}`} onClick={create} disabled={disabled || creating} data-testid="create-code">
            <span className={styles.swatch} />
            <span>{creating ? 'Creating…' : <>Create “{name}”</>}</span>
            <span className={styles.keys}>
              <span className="kbd">Shift+Enter</span>
            </span>
          </button>
        )}
      </div>
    </div>
  );
});
