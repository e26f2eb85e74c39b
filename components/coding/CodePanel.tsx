'use client';
import { forwardRef, useState } from 'react';
import type { WorkCode } from '@/components/hooks/useCoding';
import { matchCodes, RESERVED } from './keymap';
import styles from './coding.module.css';

/**
 * The codes with their keys (1–9 by position, plus the code's own letter), which are applied, and
 * type-to-search: Enter applies the highlighted match, or creates the typed code when none matches.
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
}>(function CodePanel({ codes, applied, disabled, regionPending, onApply, onCreate, onSearchDone, creating }, ref) {
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const matches = matchCodes(codes, query);
  const highlighted = query ? matches[Math.min(cursor, matches.length - 1)] : undefined;
  const finish = () => {
    setQuery('');
    setCursor(0);
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
        placeholder="/ search or create a code"
        aria-label="search codes"
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setCursor(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
          else if (e.key === 'Escape') finish();
          else if (e.key === 'Enter') {
            e.preventDefault();
            if (highlighted) onApply(highlighted.id);
            else if (query.trim()) onCreate(query.trim());
            finish();
          } else return;
          e.stopPropagation();
        }}
      />
      {query && matches.length === 0 && (
        <p className="sub" style={{ fontSize: 12, margin: '4px 0' }}>
          {creating ? 'Creating…' : <>No code matches: <span className="kbd">Enter</span> creates “{query.trim()}”.</>}
        </p>
      )}
      <div className={styles.codes} style={{ marginTop: 6 }} data-testid="codes">
        {codes.length === 0 && <p className="sub">This study has no codes yet: type a name above and press Enter to create the first one.</p>}
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
      </div>
    </div>
  );
});
