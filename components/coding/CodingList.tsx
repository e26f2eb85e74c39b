'use client';
import { useEffect, useRef } from 'react';
import type { WorkCode, WorkItem } from '@/components/hooks/useCoding';
import type { Region } from '@/lib/db/schema/coding';
import styles from './coding.module.css';

export interface DraftCoding {
  codeId: number;
  region: Region | null;
  memo: string;
}

const where = (r: Region | null) => (r ? `region ${Math.round(r.x * 100)},${Math.round(r.y * 100)} ${Math.round(r.w * 100)}×${Math.round(r.h * 100)} %` : 'whole figure');

/** My codings of the item (with the memo editor of the last one), then others' when visible. */
export function CodingList(props: {
  codes: WorkCode[];
  mine: DraftCoding[];
  editable: boolean;
  memoIndex: number | null;
  onMemo: (index: number, memo: string) => void;
  onMemoDone: () => void;
  onRemove: (index: number) => void;
  others: WorkItem['others'];
  otherCoders: number;
  title: string;
}) {
  const { codes, mine, editable, memoIndex, onMemo, onMemoDone, onRemove, others, otherCoders, title } = props;
  const memoRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (memoIndex !== null) memoRef.current?.focus();
  }, [memoIndex]);
  const code = (id: number) => codes.find((c) => c.id === id);
  return (
    <div className="panel" style={{ padding: 10 }}>
      <div className="section-title" style={{ marginTop: 0 }}>
        {title} ({mine.length})
      </div>
      <div className={styles.mine} data-testid="my-codings">
        {mine.length === 0 && <p className="sub" style={{ fontSize: 13 }}>No codes yet: press a code’s number or letter, or <span className="kbd">/</span> to search.</p>}
        {mine.map((m, i) => (
          <div key={i} className={styles.coding} data-testid="my-coding">
            <span className={styles.swatch} style={{ background: code(m.codeId)?.colour ?? '#999', marginTop: 5 }} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <div>{code(m.codeId)?.name ?? `code ${m.codeId}`}</div>
              <div className={styles.path}>{where(m.region)}</div>
              {memoIndex === i ? (
                <textarea
                  ref={memoRef}
                  className={styles.textarea}
                  aria-label="memo on this coding"
                  value={m.memo}
                  onChange={(e) => onMemo(i, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
                      e.preventDefault();
                      e.stopPropagation();
                      onMemoDone();
                    }
                  }}
                  onBlur={onMemoDone}
                  placeholder="Why this code? (Enter to finish, Shift+Enter for a new line)"
                />
              ) : (
                m.memo && <div className={styles.memo}>{m.memo}</div>
              )}
            </div>
            {editable && (
              <button type="button" className={styles.remove} onClick={() => onRemove(i)} aria-label={`remove ${code(m.codeId)?.name ?? 'coding'}`} title="Remove (Backspace removes the last one)">
                ×
              </button>
            )}
          </div>
        ))}
      </div>
      {otherCoders > 0 && (
        <div className={styles.others} style={{ marginTop: 10 }} data-testid="others">
          {others === null ? (
            <p className="sub" style={{ fontSize: 12.5 }}>
              Blind: {otherCoders} other coder{otherCoders > 1 ? 's' : ''} code{otherCoders > 1 ? '' : 's'} this item. Their codings appear here once everyone has submitted it.
            </p>
          ) : (
            others.map((o) => (
              <div key={o.userId} style={{ marginBottom: 6 }}>
                <div className="section-title" style={{ margin: '4px 0' }}>
                  {o.name} · {o.status}
                </div>
                {o.codings.length === 0 && <p className="sub" style={{ fontSize: 12.5 }}>No codings.</p>}
                {o.codings.map((c, i) => (
                  <div key={i} className={styles.coding} data-testid="other-coding">
                    <span className={styles.swatch} style={{ background: code(c.codeId)?.colour ?? '#999', marginTop: 5 }} />
                    <div>
                      <div>{code(c.codeId)?.name ?? `code ${c.codeId}`}</div>
                      <div className={styles.path}>{where(c.region as Region | null)}</div>
                      {c.memo && <div className={styles.memo}>{c.memo}</div>}
                    </div>
                  </div>
                ))}
              </div>
            ))
          )}
        </div>
      )}
    </div>
  );
}
