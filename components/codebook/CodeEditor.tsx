'use client';
import { useEffect, useState } from 'react';
import type { CodebookCode } from '@/components/hooks/useCodebook';

export interface CodeDraft {
  name: string;
  kind: 'category' | 'code';
  shortDefinition: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  colour: string;
  shortcut: string;
  examples: string;
}

const EMPTY: CodeDraft = { name: '', kind: 'code', shortDefinition: '', definition: '', whenToUse: '', whenNotToUse: '', colour: '', shortcut: '', examples: '' }; // colour '': the server picks the next palette colour

export function draftOf(c: CodebookCode | null, kind: 'category' | 'code' = 'code'): CodeDraft {
  if (!c) return { ...EMPTY, kind };
  return { name: c.name, kind: c.kind, shortDefinition: c.shortDefinition, definition: c.definition, whenToUse: c.whenToUse, whenNotToUse: c.whenNotToUse, colour: c.colour, shortcut: c.shortcut ?? '', examples: c.exampleVisualisationIds.join(', ') };
}

/** The draft as the API takes it; example ids typed as "12, 40" become numbers. */
export function draftToInput(d: CodeDraft) {
  const ids = d.examples.split(/[\s,]+/).filter(Boolean).map(Number);
  return { name: d.name, kind: d.kind, shortDefinition: d.shortDefinition, definition: d.definition, whenToUse: d.whenToUse, whenNotToUse: d.whenNotToUse, colour: d.colour || undefined, shortcut: d.shortcut || null, exampleVisualisationIds: ids.filter((n) => Number.isInteger(n) && n > 0) };
}

/** The fields of one code, for creating or editing it. Read-only for members who cannot change the codebook. */
export function CodeEditor({
  initial,
  title,
  readOnly,
  busy,
  error,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  initial: CodeDraft;
  title: string;
  readOnly?: boolean;
  busy?: boolean;
  error?: Error | null;
  submitLabel: string;
  onSubmit: (draft: CodeDraft, reason: string) => void;
  onCancel?: () => void;
  children?: React.ReactNode;
}) {
  const [d, setD] = useState(initial);
  const [reason, setReason] = useState('');
  useEffect(() => setD(initial), [initial]);
  const set = (k: keyof CodeDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setD({ ...d, [k]: e.target.value });
  const area = (k: keyof CodeDraft, label: string, hint: string, rows = 3) => (
    <div className="field">
      <label htmlFor={`cb-${k}`}>{label}</label>
      <textarea id={`cb-${k}`} rows={rows} value={d[k]} onChange={set(k)} readOnly={readOnly} placeholder={hint} />
    </div>
  );
  return (
    <form
      className="panel cb-editor"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(d, reason);
      }}
    >
      <h2>{title}</h2>
      <div className="field-row">
        <div className="field" style={{ flex: 3 }}>
          <label htmlFor="cb-name">Name</label>
          <input id="cb-name" type="text" value={d.name} onChange={set('name')} readOnly={readOnly} required autoFocus={!readOnly && !initial.name} />
        </div>
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor="cb-kind">Kind</label>
          <select id="cb-kind" value={d.kind} onChange={set('kind')} disabled={readOnly}>
            <option value="code">code</option>
            <option value="category">category</option>
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field" style={{ flex: 'none', minWidth: 0 }}>
          <label htmlFor="cb-colour">Colour</label>
          <input id="cb-colour" type="color" value={d.colour || '#4e79a7'} onChange={set('colour')} disabled={readOnly} />
        </div>
        <div className="field" style={{ flex: 'none', minWidth: 0 }}>
          <label htmlFor="cb-shortcut">Shortcut key</label>
          <input id="cb-shortcut" type="text" maxLength={1} size={3} value={d.shortcut} onChange={set('shortcut')} readOnly={readOnly} placeholder="—" />
        </div>
        <div className="field">
          <label htmlFor="cb-examples">Example visualisations (ids)</label>
          <input id="cb-examples" type="text" value={d.examples} onChange={set('examples')} readOnly={readOnly} placeholder="e.g. 12, 40" />
        </div>
      </div>
      {area('shortDefinition', 'Short definition', 'One line, shown beside the code while coding', 2)}
      {area('definition', 'Definition', 'What the code means, in full')}
      {area('whenToUse', 'When to use', 'Typical cases that get this code')}
      {area('whenNotToUse', 'When not to use', 'Near misses, and which code to use instead')}
      {!readOnly && (
        <>
          <div className="field">
            <label htmlFor="cb-reason">Why (kept in the history)</label>
            <input id="cb-reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="optional for edits" />
          </div>
          {error && (
            <div className="error-box" role="alert">
              <strong>Not saved.</strong> {error.message}
            </div>
          )}
          <div className="row">
            <button className="btn primary" type="submit" disabled={busy || !d.name.trim()}>
              {busy ? 'Saving…' : submitLabel}
            </button>
            {onCancel && (
              <button className="btn" type="button" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
        </>
      )}
      {children}
    </form>
  );
}
