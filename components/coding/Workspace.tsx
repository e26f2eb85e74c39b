'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { useCreateInlineCode, useSaveWork, useSetStatus, useWorkItem, type WorkItem } from '@/components/hooks/useCoding';
import { ErrorState, Skeleton } from '@/components/ui/States';
import type { Region } from '@/lib/db/schema/coding';
import { CodePanel } from './CodePanel';
import { CodingList, type DraftCoding } from './CodingList';
import { ContextPane, FigurePane } from './Panes';
import { KeyHelp } from './KeyHelp';
import { useAutosave } from './useAutosave';
import { useWorkspaceKeys, type Mode } from './useWorkspaceKeys';
import styles from './coding.module.css';
import { NotebookRef } from '@/components/notebook/NotebookRef';

export type Work = { codings: DraftCoding[]; memo: string; flagged: boolean };

/** The coding workspace for one assignment: keyboard first, autosaved, blind where it must be. */
export function Workspace({ assignmentId }: { assignmentId: number }) {
  const { data, error, isPending } = useWorkItem(assignmentId);
  if (isPending) return <Skeleton height={480} />;
  if (error) return <ErrorState error={error} />;
  return <Loaded key={assignmentId} data={data} />;
}

function Loaded({ data }: { data: WorkItem }) {
  const router = useRouter();
  const id = data.assignment.id;
  const save = useSaveWork(id);
  const setStatus = useSetStatus(id);
  const createCode = useCreateInlineCode(id);
  const [work, setWork] = useState<Work>(() => ({ codings: data.mine.map((m) => ({ codeId: m.codeId, region: m.region as Region | null, memo: m.memo })), memo: data.assignment.memo, flagged: data.assignment.flagged }));
  const [mode, setMode] = useState<Mode>('idle');
  const [draft, setDraft] = useState<Region | null>(null);
  const [memoIndex, setMemoIndex] = useState<number | null>(null);
  const [zoom, setZoom] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const itemMemoRef = useRef<HTMLTextAreaElement>(null);
  const autosave = useAutosave<Work>((w) => save.mutateAsync(w), 500);

  const status = data.assignment.status;
  const editable = !data.readOnly && status !== 'submitted';
  const hasImage = Boolean(data.visualisation.blob);

  const change = useCallback(
    (f: (w: Work) => Work) => {
      setWork((w) => {
        const next = f(w);
        autosave.schedule(next);
        return next;
      });
    },
    [autosave],
  );

  const apply = (codeId: number, region: Region | null) => {
    if (!editable) return setNotice(data.readOnly ? 'You are reviewing another coder’s item: it is read-only.' : 'This item is submitted: press o to reopen it.');
    change((w) => {
      if (region) return { ...w, codings: [...w.codings, { codeId, region, memo: '' }] };
      const at = w.codings.findIndex((c) => c.codeId === codeId && !c.region);
      return at >= 0 ? { ...w, codings: w.codings.filter((_, i) => i !== at) } : { ...w, codings: [...w.codings, { codeId, region: null, memo: '' }] };
    });
    setDraft(null);
    setMode('idle');
  };

  const go = async (target: number | null | undefined, fallback?: string) => {
    try {
      await autosave.flush();
    } catch {
      return setNotice('Not saved yet, so not moving on: see the message beside “saving”.');
    }
    if (target) router.push(`/coding/${target}`);
    else if (fallback) router.push(fallback);
  };

  const act = async (action: 'submit' | 'skip' | 'reopen') => {
    if (data.readOnly) return;
    if (action !== 'reopen' && status === 'submitted') return setNotice('Already submitted: → for the next item, o to reopen.');
    try {
      await autosave.flush();
      const r = await setStatus.mutateAsync(action);
      if (action === 'reopen') return setNotice('Reopened: change it and press Enter to submit again.');
      if (r.nextPendingId) router.push(`/coding/${r.nextPendingId}`);
      else router.push('/coding?finished=1');
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  };

  const onCreate = (name: string) => {
    const region = mode === 'region-choose' || draft ? draft : null;
    createCode.mutate({ name }, { onSuccess: (code) => apply(code.id, region), onError: (e) => setNotice(`Could not create “${name}”: ${e.message}`) });
  };

  const keysOn = useWorkspaceKeys({
    mode, draft, codes: data.codes, editable, readOnly: data.readOnly, submitted: status === 'submitted', hasImage, codingCount: work.codings.length,
    setMode, setDraft, setNotice, setZoom, setMemoIndex, apply, change, act, go,
    prevId: data.prevId, nextId: data.nextId,
    focusSearch: () => searchRef.current?.focus(),
    focusItemMemo: () => itemMemoRef.current?.focus(),
  });

  const codeOf = (cid: number) => data.codes.find((c) => c.id === cid);
  const regions = [
    ...work.codings.filter((c) => c.region).map((c) => ({ region: c.region!, colour: codeOf(c.codeId)?.colour ?? '#999', label: codeOf(c.codeId)?.name ?? '', mine: true })),
    ...(data.others ?? []).flatMap((o) => o.codings.filter((c) => c.region).map((c) => ({ region: c.region as Region, colour: codeOf(c.codeId)?.colour ?? '#999', label: `${codeOf(c.codeId)?.name ?? ''} (${o.name})`, mine: false }))),
  ];
  const s = autosave.state;

  return (
    <div data-testid="workspace" data-keys={keysOn ? 'on' : 'off'}>
      <div className="page-head">
        <div>
          <h1>
            {data.sample.name} · item {data.assignment.position + 1}
            {work.flagged && <span className="badge" style={{ background: 'var(--warn-soft)', color: 'var(--warn)', marginLeft: 8 }}>flagged</span>}
          </h1>
          <p className="sub">
            <Link href="/coding">My queue</Link> · visualisation #{data.visualisation.id} from <Link href={`/notebooks/${data.visualisation.notebook.id}`}>{data.visualisation.notebook.title}</Link>{' '}
            <NotebookRef fileName={data.visualisation.notebook.fileName} kaggleRef={data.visualisation.notebook.kaggleRef} />
            {data.readOnly && <> · reviewing another coder’s item (read-only)</>}
          </p>
        </div>
        <div className="row">
          <span className={`${styles.status} ${s.kind === 'error' ? styles.error : ''}`} data-testid="save-state" data-state={s.kind}>
            <span className={`${styles.dot} ${s.kind === 'dirty' || s.kind === 'saving' ? styles.dirty : ''}`} />
            {s.kind === 'saving' || s.kind === 'dirty' ? 'saving…' : s.kind === 'saved' ? 'saved' : s.kind === 'error' ? `not saved: ${s.message}${s.permanent ? ' — reload the item to see what is stored' : ' (retrying)'}` : status}
          </span>
          <button className="btn" onClick={() => void go(data.prevId)} disabled={!data.prevId} aria-label="previous item">←</button>
          <button className="btn" onClick={() => void go(data.nextId)} disabled={!data.nextId} aria-label="next item">→</button>
          <button className="btn" onClick={() => setMode('help')} aria-label="keyboard shortcuts">?</button>
        </div>
      </div>
      {status === 'submitted' && <div className={`${styles.banner} ${styles.bannerOk}`} style={{ marginBottom: 10 }}>Submitted. <span className="kbd">o</span> reopens it; <span className="kbd">→</span> goes on.</div>}
      {status === 'skipped' && <div className={`${styles.banner} ${styles.bannerWarn}`} style={{ marginBottom: 10 }}>Skipped earlier: code it now and press <span className="kbd">Enter</span> to submit.</div>}
      {mode === 'region' && <div className={`${styles.banner} ${styles.bannerInfo}`} style={{ marginBottom: 10 }}>Region: drag on the image, or <span className="kbd">arrows</span> move and <span className="kbd">Shift</span>+<span className="kbd">arrows</span> resize; <span className="kbd">Enter</span> then choose the code; <span className="kbd">Esc</span> cancels.</div>}
      {mode === 'region-choose' && <div className={`${styles.banner} ${styles.bannerInfo}`} style={{ marginBottom: 10 }} data-testid="choose-region-code">Now the region’s code: a number, a code’s letter, or <span className="kbd">/</span> to search or create one.</div>}
      {notice && <div className={`${styles.banner} ${styles.bannerWarn}`} style={{ marginBottom: 10 }} role="status">{notice}</div>}
      <div className={styles.layout}>
        <FigurePane data={data} zoom={zoom} setZoom={setZoom} regions={regions} draft={draft} drawing={mode === 'region'} onDraft={setDraft} onDraftDone={() => setMode('region-choose')} />
        <ContextPane data={data} />
        <div className={styles.side}>
          <CodePanel
            ref={searchRef}
            codes={data.codes}
            applied={new Set(work.codings.filter((c) => !c.region).map((c) => c.codeId))}
            disabled={!editable}
            regionPending={mode === 'region-choose'}
            onApply={(cid) => apply(cid, mode === 'region-choose' ? draft : null)}
            onCreate={onCreate}
            onSearchDone={() => {
              searchRef.current?.blur();
              if (mode === 'search') setMode('idle');
            }}
            creating={createCode.isPending}
            canCreate={data.canCreateCodes && !data.readOnly}
          />
          <CodingList
            title={data.readOnly ? 'Their codings' : 'My codings'}
            codes={data.codes}
            mine={work.codings}
            editable={editable}
            memoIndex={memoIndex}
            onMemo={(i, memo) => change((w) => ({ ...w, codings: w.codings.map((c, j) => (j === i ? { ...c, memo } : c)) }))}
            onMemoDone={() => setMemoIndex(null)}
            onRemove={(i) => change((w) => ({ ...w, codings: w.codings.filter((_, j) => j !== i) }))}
            others={data.others}
            otherCoders={data.otherCoders}
          />
          <div className="panel" style={{ padding: 10 }}>
            <div className="section-title" style={{ marginTop: 0 }}>
              Item memo <span className="kbd">n</span>
            </div>
            <textarea
              ref={itemMemoRef}
              className={styles.textarea}
              aria-label="memo on this item"
              value={work.memo}
              readOnly={data.readOnly}
              onChange={(e) => change((w) => ({ ...w, memo: e.target.value }))}
              placeholder="Notes on this visualisation (Esc to leave)"
            />
            <div className="row" style={{ marginTop: 8, flexWrap: 'wrap', fontSize: 12.5 }}>
              <span><span className="kbd">Enter</span> submit</span>
              <span><span className="kbd">s</span> skip</span>
              <span><span className="kbd">f</span> flag</span>
              <span><span className="kbd">r</span> region</span>
              <span><span className="kbd">?</span> all keys</span>
            </div>
          </div>
        </div>
      </div>
      {mode === 'help' && <KeyHelp onClose={() => setMode('idle')} />}
    </div>
  );
}
