'use client';
import { useState } from 'react';
import { useDeprecateCode, useMergeCodes, useMoveCode, useSplitCode, type CodebookCode } from '@/components/hooks/useCodebook';
import { descendantsOf } from '@/lib/coding/codebook/tree';
import { SplitChooser, partsWithCodings, type SplitChoice } from './SplitChooser';
import { plural } from '@/lib/text/plural';

type Action = 'move' | 'merge' | 'split' | 'deprecate';

/** Move, merge, split and deprecate for the selected code; each asks why, and the history keeps it. */
export function CodeActions({ studyId, code, codes, paths, onDone }: { studyId: number; code: CodebookCode; codes: CodebookCode[]; paths: Map<number, string>; onDone: (message: string) => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [parent, setParent] = useState<string>(code.parentId === null ? '' : String(code.parentId));
  const [mergeIds, setMergeIds] = useState<number[]>([]);
  const [parts, setParts] = useState('');
  const [keep, setKeep] = useState(false);
  const [choice, setChoice] = useState<SplitChoice>({});
  const move = useMoveCode(studyId);
  const merge = useMergeCodes(studyId);
  const split = useSplitCode(studyId);
  const deprecate = useDeprecateCode(studyId);
  const pending = move.isPending || merge.isPending || split.isPending || deprecate.isPending;
  const error = { move: move.error, merge: merge.error, split: split.error, deprecate: deprecate.error }[action ?? 'move'];
  const live = codes.filter((c) => c.status !== 'merged' && c.id !== code.id);
  const inside = descendantsOf(codes, code.id);
  const partNames = parts.split('\n').map((x) => x.trim()).filter(Boolean);
  const open = (a: Action) => {
    setAction(action === a ? null : a);
    setReason('');
  };
  const finish = (message: string) => {
    setAction(null);
    setReason('');
    onDone(message);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (action === 'move') move.mutate({ id: code.id, parentId: parent ? Number(parent) : null, reason }, { onSuccess: () => finish(`Moved “${code.name}”.`) });
    if (action === 'merge') merge.mutate({ survivorId: code.id, mergedIds: mergeIds, reason }, { onSuccess: (r) => finish(`Merged ${plural(r.merged.length, 'code')} into “${code.name}”: ${plural(r.codingsMoved, 'coding')} and ${plural(r.consensusMoved, 'consensus coding')} moved, ${plural(r.duplicatesCollapsed, 'duplicate')} collapsed.`) });
    if (action === 'split') {
      const into = partsWithCodings(partNames, choice);
      split.mutate({ id: code.id, into, keepOriginal: keep, reason }, { onSuccess: (r) => (setChoice({}), finish(`Split “${code.name}” into ${r.parts.map((p) => `“${p.name}”`).join(', ')}; ${r.codingsMoved + r.consensusMoved} codings moved.`)) });
    }
    if (action === 'deprecate') deprecate.mutate({ id: code.id, reason }, { onSuccess: (r) => finish(`Deprecated ${plural(r.deprecated.length, 'code')}.`) });
  };
  if (code.status === 'merged') return <p className="sub">This code was merged into “{paths.get(code.mergedIntoId ?? -1) ?? code.mergedIntoId}”; its codings are there now.</p>;
  return (
    <div className="cb-actions">
      <div className="row" role="toolbar" aria-label="Code actions">
        {(['move', 'merge', 'split', 'deprecate'] as const).map((a) => (
          <button key={a} type="button" className={`btn ${action === a ? 'primary' : ''}`} onClick={() => open(a)} disabled={a !== 'move' && code.status !== 'active'}>
            {a[0].toUpperCase() + a.slice(1)}…
          </button>
        ))}
      </div>
      {action && (
        <form className="cb-action-form" onSubmit={submit} aria-label={`${action} ${code.name}`}>
          {action === 'move' && (
            <div className="field">
              <label htmlFor="cb-parent">New parent</label>
              <select id="cb-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
                <option value="">(top level)</option>
                {live.filter((c) => !inside.has(c.id)).map((c) => (
                  <option key={c.id} value={c.id}>
                    {paths.get(c.id)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {action === 'merge' && (
            <fieldset className="field cb-merge-list">
              <legend>Merge these into “{code.name}” (their codings follow it)</legend>
              {live.filter((c) => c.kind === 'code').map((c) => (
                <label key={c.id} className="row">
                  <input type="checkbox" checked={mergeIds.includes(c.id)} onChange={(e) => setMergeIds(e.target.checked ? [...mergeIds, c.id] : mergeIds.filter((x) => x !== c.id))} />
                  {paths.get(c.id)} <span className="sub">({plural(c.uses, 'coding')})</span>
                </label>
              ))}
            </fieldset>
          )}
          {action === 'split' && (
            <>
              <div className="field">
                <label htmlFor="cb-parts">New codes, one name per line</label>
                <textarea id="cb-parts" rows={3} value={parts} onChange={(e) => setParts(e.target.value)} placeholder={'ROC curve\nPR curve'} />
                <span className="hint">They are created beside “{code.name}”; choose below which of its codings go to each.</span>
              </div>
              {partNames.length > 0 && <SplitChooser studyId={studyId} codeId={code.id} parts={partNames} choice={choice} onChange={setChoice} />}
              <label className="row">
                <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep “{code.name}” active (otherwise it is deprecated)
              </label>
            </>
          )}
          {action === 'deprecate' && <p className="sub">“{code.name}”{inside.size > 1 ? ` and the ${inside.size - 1} codes under it` : ''} will no longer be offered for coding. Codings made with it stay.</p>}
          <div className="field">
            <label htmlFor="cb-action-reason">Why? (required, kept in the history)</label>
            <input id="cb-action-reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} required={action !== 'move'} />
          </div>
          {error && (
            <div className="error-box" role="alert">
              <strong>Could not {action}.</strong> {error.message}
            </div>
          )}
          <button className="btn primary" type="submit" disabled={pending || (action !== 'move' && !reason.trim()) || (action === 'merge' && !mergeIds.length) || (action === 'split' && !parts.trim())}>
            {pending ? 'Working…' : `${action[0].toUpperCase() + action.slice(1)} “${code.name}”`}
          </button>
        </form>
      )}
    </div>
  );
}
