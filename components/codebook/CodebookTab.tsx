'use client';
import { useEffect, useMemo, useState } from 'react';
import { useCreateCode, useUpdateCode, type CodebookToday } from '@/components/hooks/useCodebook';
import { CodeTree } from './CodeTree';
import { CodeEditor, draftOf, draftToInput } from './CodeEditor';
import { CodeActions } from './CodeActions';
import { plural } from '@/lib/text/plural';

type Mode = { kind: 'view' } | { kind: 'new'; codeKind: 'category' | 'code'; parentId: number | null };

/** The tree beside a side panel that creates, edits, moves, merges, splits or deprecates the selected code. */
export function CodebookTab({ studyId, data, canManage, names }: { studyId: number; data: CodebookToday; canManage: boolean; names: Map<number, string> }) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateCode(studyId);
  const update = useUpdateCode(studyId);
  const selected = data.codes.find((c) => c.id === selectedId) ?? null;
  const visible = useMemo(() => orderOf(data.tree), [data]);
  // A new code's draft must not reset when the codebook refetches while it is being typed.
  const editing = mode.kind === 'new' ? null : selected;
  const initial = useMemo(() => (mode.kind === 'new' ? draftOf(null, mode.codeKind) : draftOf(editing)), [mode, editing]);

  const startNew = (codeKind: 'category' | 'code') => {
    // New codes go under the selected category (or beside the selected code).
    const parentId = selected ? (selected.kind === 'category' ? selected.id : selected.parentId) : null;
    setMode({ kind: 'new', codeKind, parentId: codeKind === 'category' && !selected ? null : parentId });
    setNotice(null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable]') || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'ArrowDown' || e.key === 'j' || e.key === 'ArrowUp' || e.key === 'k') {
        e.preventDefault();
        const i = visible.findIndex((id) => id === selectedId);
        const next = e.key === 'ArrowDown' || e.key === 'j' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i - 1);
        if (visible[next] !== undefined) (setSelectedId(visible[next]), setMode({ kind: 'view' }));
      } else if (canManage && e.key === 'n') (e.preventDefault(), startNew('code'));
      else if (canManage && e.key === 'c') (e.preventDefault(), startNew('category'));
      else if (e.key === 'Escape') (setMode({ kind: 'view' }), setSelectedId(null));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (data.codes.length === 0 && mode.kind !== 'new') {
    return (
      <div className="empty">
        <h2>No codes yet</h2>
        <p>
          {canManage
            ? 'Start with a category (say, “Chart type”) and codes under it, each with a definition and when (not) to use it; or import a codebook from a REFI-QDA .qdc or CSV file with the button above.'
            : 'A supervisor of this study has not written the codebook yet; it will appear here.'}
        </p>
        {canManage && (
          <div className="row" style={{ justifyContent: 'center' }}>
            <button className="btn primary" onClick={() => startNew('category')}>
              New category
            </button>
            <button className="btn" onClick={() => startNew('code')}>
              New code
            </button>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="cb-layout">
      <section className="panel cb-tree-panel">
        <div className="toolbar">
          {canManage && (
            <>
              <button className="btn" onClick={() => startNew('category')} title="New category (c)">
                New category <kbd className="kbd">c</kbd>
              </button>
              <button className="btn" onClick={() => startNew('code')} title="New code (n)">
                New code <kbd className="kbd">n</kbd>
              </button>
            </>
          )}
          <span className="cb-spacer" />
          <span>
            <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> select · <kbd className="kbd">Esc</kbd> close
          </span>
        </div>
        <CodeTree tree={data.tree} selectedId={selectedId} onSelect={(id) => (setSelectedId(id), setMode({ kind: 'view' }), setNotice(null))} label="Codebook" />
      </section>
      <aside className="cb-side">
        {notice && (
          <p className="cb-notice" role="status">
            {notice}
          </p>
        )}
        {mode.kind === 'new' ? (
          <CodeEditor
            key={`new-${mode.codeKind}-${mode.parentId}`}
            initial={initial}
            title={`New ${mode.codeKind}${mode.parentId ? ` under “${names.get(mode.parentId)}”` : ' at the top level'}`}
            submitLabel={`Create ${mode.codeKind}`}
            busy={create.isPending}
            error={create.error}
            onCancel={() => setMode({ kind: 'view' })}
            onSubmit={(d, reason) =>
              create.mutate({ ...draftToInput(d), parentId: mode.parentId, reason }, { onSuccess: (c) => (setSelectedId(c.id), setMode({ kind: 'view' }), setNotice(`Created “${c.name}”.`)) })
            }
          />
        ) : selected ? (
          <>
            <CodeEditor
              key={selected.id}
              initial={initial}
              title={names.get(selected.id) ?? selected.name}
              readOnly={!canManage || selected.status === 'merged'}
              submitLabel="Save changes"
              busy={update.isPending}
              error={update.error}
              onSubmit={(d, reason) => update.mutate({ id: selected.id, ...draftToInput(d), reason }, { onSuccess: () => setNotice(`Saved “${d.name}”.`) })}
            />
            <div className="panel cb-more">
              <p className="sub">
                Used in {plural(selected.uses, 'coding')}.
                {selected.status === 'deprecated' && canManage && (
                  <>
                    {' '}
                    Deprecated.{' '}
                    <button type="button" className="btn" onClick={() => update.mutate({ id: selected.id, status: 'active', reason: 'reactivated' }, { onSuccess: () => setNotice(`“${selected.name}” is active again.`) })}>
                      Reactivate
                    </button>
                  </>
                )}
              </p>
              {canManage && <CodeActions key={selected.id} studyId={studyId} code={selected} codes={data.codes} paths={names} onDone={setNotice} />}
            </div>
          </>
        ) : (
          <div className="panel sub">Select a code to read or edit its definition{canManage ? ', or create a new one' : ''}.</div>
        )}
      </aside>
    </div>
  );
}

/** Visible codes (merged ones hidden) in tree order, for arrow-key selection. */
function orderOf(tree: CodebookToday['tree']): number[] {
  const out: number[] = [];
  const walk = (nodes: CodebookToday['tree']) => nodes.forEach((n) => n.status !== 'merged' && (out.push(n.id), walk(n.children)));
  walk(tree);
  return out;
}
