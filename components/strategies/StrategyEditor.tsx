'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { usePreviewStrategy, useSaveStrategy, type KernelSourceName, type StrategyDetail } from '@/components/hooks/useStrategies';
import { useStartRun } from '@/components/hooks/useCollectionRuns';
import { ErrorState } from '@/components/ui/States';
import { categoryLabel, SORT_LABELS } from './describe';
import { DEFAULT_FORM, formFromStrategy, toInput, type FormState } from './form-model';
import { PreviewResults } from './PreviewResults';

// Kaggle's competition categories (ListCompetitions' `category`); a saved value not listed here is kept.
const CATEGORIES = ['HOST_SEGMENT_FEATURED', 'HOST_SEGMENT_RESEARCH', 'HOST_SEGMENT_GETTING_STARTED', 'HOST_SEGMENT_PLAYGROUND', 'HOST_SEGMENT_COMMUNITY', 'HOST_SEGMENT_RECRUITMENT', 'HOST_SEGMENT_ANALYTICS'];

/**
 * The strategy form: a new one (saved with POST, then opened) or an existing one (PUT), which can
 * also be previewed and run. Preview and Run use the saved strategy, so unsaved edits are saved first.
 */
export function StrategyEditor({ strategy }: { strategy?: StrategyDetail }) {
  const router = useRouter();
  const id = strategy?.id;
  const [savedForm, setSavedForm] = useState<FormState>(() => (strategy ? formFromStrategy(strategy) : DEFAULT_FORM));
  const [form, setForm] = useState<FormState>(savedForm);
  const [submitted, setSubmitted] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [source, setSource] = useState<KernelSourceName>('api');
  const saveStrategy = useSaveStrategy(id);
  const preview = usePreviewStrategy(id ?? 0);
  const startRun = useStartRun(id ?? 0);

  const errors = submitted ? (toInput(form).errors ?? {}) : {};
  const dirty = JSON.stringify(form) !== JSON.stringify(savedForm);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setJustSaved(false);
  };

  /** Validates and saves; the saved strategy, or null (the reason is shown). */
  const save = async (): Promise<StrategyDetail | null> => {
    setSubmitted(true);
    const { input, errors: invalid } = toInput(form);
    if (invalid) {
      const first = Object.keys(invalid)[0];
      document.getElementById(`f-${first}`)?.focus();
      return null;
    }
    const saved = await saveStrategy.mutateAsync(input).catch(() => null);
    if (!saved) return null;
    setSubmitted(false);
    if (!id) {
      router.replace(`/strategies/${saved.id}`);
      return saved;
    }
    const f = formFromStrategy(saved);
    setForm(f);
    setSavedForm(f);
    setJustSaved(true);
    preview.reset();
    return saved;
  };

  const onPreview = async () => {
    if (dirty && !(await save())) return;
    preview.mutate(source);
  };
  const onRun = async () => {
    if (dirty && !(await save())) return;
    const run = await startRun.mutateAsync(source).catch(() => null);
    if (run) router.push(`/collection-runs/${run.id}`);
  };

  const text = (key: keyof FormState, label: string) => ({
    id: `f-${key}`,
    name: key,
    value: form[key],
    'aria-label': label,
    'aria-invalid': errors[key] ? true : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(key, e.target.value as never),
  });
  // Lists are textareas; Enter still submits the form (Shift+Enter starts a new line).
  const submitOnEnter = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };
  const busy = saveStrategy.isPending || preview.isPending || startRun.isPending;

  return (
    <>
      <form
        className="strategy-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid-2">
          <section className="panel">
            <Field label="Name" htmlFor="f-name" error={errors.name}>
              <input type="text" {...text('name', 'Name')} placeholder="e.g. Top 5 % of the most popular competitions" autoFocus={!id} />
            </Field>
            <h2 className="section-title">Which notebooks</h2>
            <div className="field-row">
              <Field label="Language" htmlFor="f-language">
                <select {...text('language', 'Language')}>
                  <option value="python">Python</option>
                  <option value="r">R</option>
                  <option value="all">Any</option>
                </select>
              </Field>
              <Field label="Kind" htmlFor="f-kernelType">
                <select {...text('kernelType', 'Kernel type')}>
                  <option value="notebook">Notebooks</option>
                  <option value="script">Scripts</option>
                  <option value="all">Both</option>
                </select>
              </Field>
              <Field label="Output" htmlFor="f-outputType">
                <select {...text('outputType', 'Output type')}>
                  <option value="">Any</option>
                  <option value="visualization">Visualisations</option>
                  <option value="data">Data</option>
                </select>
              </Field>
              <Field label="Listed by" htmlFor="f-sortBy">
                <select {...text('sortBy', 'Sort')}>
                  {Object.entries(SORT_LABELS).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="field-row">
              <Field label="Search" htmlFor="f-search" error={errors.search}>
                <input type="text" {...text('search', 'Search')} placeholder="words in the title or code" />
              </Field>
              <Field label="Author" htmlFor="f-user" error={errors.user}>
                <input type="text" {...text('user', 'User')} placeholder="Kaggle username" />
              </Field>
            </div>
            <Field label="Competitions" htmlFor="f-competitions" error={errors.competitions} hint="Slugs or URLs, separated by commas or new lines (Shift+Enter). Used when the scope is all of Kaggle.">
              <textarea rows={2} {...text('competitions', 'Filter competitions')} onKeyDown={submitOnEnter} placeholder="titanic, house-prices-advanced-regression-techniques" />
            </Field>
            <Field label="Datasets" htmlFor="f-datasets" error={errors.datasets} hint="owner/slug, separated by commas or new lines: notebooks that use one of them.">
              <textarea rows={2} {...text('datasets', 'Datasets')} onKeyDown={submitOnEnter} placeholder="heptapod/titanic" />
            </Field>
          </section>

          <section className="panel">
            <fieldset>
              <legend>Scope: which competitions</legend>
              <Choice name="scope" value="all" checked={form.scope === 'all'} onPick={(v) => set('scope', v)} label="All of Kaggle" />
              <Choice name="scope" value="competitions" checked={form.scope === 'competitions'} onPick={(v) => set('scope', v)} label="These competitions" />
              {form.scope === 'competitions' && (
                <div className="choice-more">
                  <textarea rows={2} {...text('scopeSlugs', 'Scope competitions')} onKeyDown={submitOnEnter} placeholder="titanic, digit-recognizer" />
                  <FieldError error={errors.scopeSlugs} />
                </div>
              )}
              <Choice
                name="scope"
                value="top-competitions"
                checked={form.scope === 'top-competitions'}
                onPick={(v) => set('scope', v)}
                label={
                  <>
                    The top <input type="number" min={1} max={500} className="narrow" {...text('scopeN', 'Number of competitions')} onFocus={() => set('scope', 'top-competitions')} /> competitions by{' '}
                    <select {...text('scopeBy', 'Competitions ranked by')} onFocus={() => set('scope', 'top-competitions')}>
                      <option value="notebooks">notebooks</option>
                      <option value="teams">teams</option>
                    </select>{' '}
                    in{' '}
                    <select {...text('scopeCategory', 'Category')} onFocus={() => set('scope', 'top-competitions')}>
                      <option value="">any category</option>
                      {[...new Set([...CATEGORIES, form.scopeCategory].filter(Boolean))].map((c) => (
                        <option key={c} value={c}>
                          {categoryLabel(c)}
                        </option>
                      ))}
                    </select>
                  </>
                }
              />
              <FieldError error={form.scope === 'top-competitions' ? (errors.scopeN ?? errors.scopeCategory) : undefined} />
            </fieldset>

            <fieldset>
              <legend>Sampling: which of the notebooks found</legend>
              <Choice name="sampling" value="all" checked={form.sampling === 'all'} onPick={(v) => set('sampling', v)} label="All of them" />
              <Choice name="sampling" value="top-k" checked={form.sampling === 'top-k'} onPick={(v) => set('sampling', v)} label={<>The top <input type="number" min={1} className="narrow" {...text('k', 'K')} onFocus={() => set('sampling', 'top-k')} /> by votes</>} />
              <FieldError error={form.sampling === 'top-k' ? errors.k : undefined} />
              <Choice name="sampling" value="top-percent" checked={form.sampling === 'top-percent'} onPick={(v) => set('sampling', v)} label={<>The top <input type="number" min={0} max={100} step="any" className="narrow" {...text('percent', 'Percent')} onFocus={() => set('sampling', 'top-percent')} /> % by votes in each competition</>} />
              <FieldError error={form.sampling === 'top-percent' ? errors.percent : undefined} />
              <Choice name="sampling" value="random" checked={form.sampling === 'random'} onPick={(v) => set('sampling', v)} label={<><input type="number" min={1} className="narrow" {...text('randomN', 'Random N')} onFocus={() => set('sampling', 'random')} /> at random</>} />
              <FieldError error={form.sampling === 'random' ? errors.randomN : undefined} />
              <Choice name="sampling" value="stratified" checked={form.sampling === 'stratified'} onPick={(v) => set('sampling', v)} label={<><input type="number" min={1} className="narrow" {...text('stratifiedN', 'Stratified N')} onFocus={() => set('sampling', 'stratified')} /> at random from each competition (stratified)</>} />
              <FieldError error={form.sampling === 'stratified' ? errors.stratifiedN : undefined} />
            </fieldset>

            <div className="field-row">
              <Field label="Seed" htmlFor="f-seed" error={errors.seed} hint="The same seed draws the same random sample.">
                <input type="number" min={0} className="narrow" {...text('seed', 'Seed')} />
              </Field>
              <Field label="Stop listing after" htmlFor="f-maxCandidates" error={errors.maxCandidates} hint="candidates: a guard for broad queries.">
                <input type="number" min={1} {...text('maxCandidates', 'Maximum candidates')} />
              </Field>
            </div>
          </section>
        </div>

        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={busy}>
            {saveStrategy.isPending ? 'Saving…' : id ? 'Save' : 'Create strategy'}
          </button>
          {submitted && Object.keys(errors).length > 0 && <span className="field-error">Correct the fields marked in red.</span>}
          {justSaved && !dirty && <span className="badge ok">saved</span>}
          {id && dirty && !submitted && <span className="sub">Unsaved changes</span>}
          {id && (
            <>
              <div className="spacer" />
              <label className="sub" htmlFor="f-source">
                Source
              </label>
              <select id="f-source" aria-label="Source" value={source} onChange={(e) => setSource(e.target.value as KernelSourceName)}>
                <option value="api">Kaggle API</option>
                <option value="meta-kaggle">Meta Kaggle</option>
              </select>
              <button type="button" className="btn" onClick={onPreview} disabled={busy}>
                {preview.isPending ? 'Previewing…' : dirty ? 'Save & preview' : 'Preview'}
              </button>
              <button type="button" className="btn primary" onClick={onRun} disabled={busy}>
                {startRun.isPending ? 'Starting…' : dirty ? 'Save & run' : 'Run'}
              </button>
            </>
          )}
        </div>
        {saveStrategy.error && <ServerError action="save the strategy" error={saveStrategy.error} />}
        {startRun.error && <ServerError action="start the run" error={startRun.error} />}
      </form>

      {id && (preview.isPending || preview.data || preview.error) && (
        <section style={{ marginTop: 20 }} aria-label="preview">
          <h2>Preview {preview.variables ? <span className="sub">({preview.variables === 'api' ? 'Kaggle API' : 'Meta Kaggle'})</span> : null}</h2>
          {preview.error ? <ErrorState error={preview.error} /> : <PreviewResults preview={preview.data} />}
        </section>
      )}
    </>
  );
}

function ServerError({ action, error }: { action: string; error: Error }) {
  return (
    <div className="error-box" role="alert" style={{ marginTop: 12 }}>
      <strong>Could not {action}.</strong> {error.message}
    </div>
  );
}

function Field(props: { label: string; htmlFor: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className={`field ${props.error ? 'invalid' : ''}`}>
      <label htmlFor={props.htmlFor}>{props.label}</label>
      {props.children}
      {props.error ? <FieldError error={props.error} /> : props.hint ? <div className="hint">{props.hint}</div> : null}
    </div>
  );
}

function FieldError({ error }: { error?: string }) {
  return error ? <div className="field-error">{error}</div> : null;
}

/** A radio button; its label may hold the rule's own inputs ("the top [10] by votes"). */
function Choice<V extends string>(props: { name: string; value: V; checked: boolean; onPick: (v: V) => void; label: React.ReactNode }) {
  return (
    <label className="choice">
      <input type="radio" name={props.name} value={props.value} checked={props.checked} onChange={() => props.onPick(props.value)} />
      <span>{props.label}</span>
    </label>
  );
}
