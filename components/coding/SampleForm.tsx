'use client';
import { useEffect, useState } from 'react';
import { useFacets } from '@/components/hooks/useVisualisations';
import { useCreateSample, useSamplePreview, type SampleDefinitionInput } from '@/components/hooks/useSamples';
import { VegaChart } from '@/components/charts/VegaChart';
import { barChartSpec } from '@/components/charts/specs/bar-chart';
import { sampleModes, stratifyFields, type StratifyField } from '@/lib/coding/samples/modes';
import { plural } from '@/lib/text/plural';
import { OriginSwitch } from '@/components/ui/OriginSwitch';
import { originOf } from '@/lib/browse/origins';

const FILTERS = [
  ['library', 'Library'],
  ['kind', 'Kind'],
  ['mime', 'Format'],
  ['competition', 'Competition'],
  ['notebook', 'Notebook'],
  ['context', 'Has markdown context'],
] as const;
type Mode = (typeof sampleModes)[number];
const MODE_LABELS: Record<Mode, string> = { all: 'all of them', 'random-n': 'N at random', 'random-percent': 'P % at random', stratified: 'stratified' };

/** Draw a sample from the gallery's filters, with a live count of what it would hold. */
export function SampleForm({ studyId, onCreated }: { studyId: number; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [mode, setMode] = useState<Mode>('random-n');
  const [n, setN] = useState('20');
  const [percent, setPercent] = useState('10');
  const [by, setBy] = useState<'percent' | 'n'>('percent');
  const [stratifyBy, setStratifyBy] = useState('library');
  const [seed, setSeed] = useState('1');
  const facets = useFacets(filters, { groups: false }); // no near-duplicate filter here
  const create = useCreateSample(studyId);

  const def: SampleDefinitionInput = {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as SampleDefinitionInput['filters'],
    mode,
    seed: Number(seed) || 0,
    ...(mode === 'random-n' || (mode === 'stratified' && by === 'n') ? { n: Number(n) } : {}),
    ...(mode === 'random-percent' || (mode === 'stratified' && by === 'percent') ? { percent: Number(percent) } : {}),
    ...(mode === 'stratified' ? { stratifyBy: stratifyBy as StratifyField } : {}),
  };
  // Debounced so typing a number asks the server once.
  const [debounced, setDebounced] = useState(def);
  const key = JSON.stringify(def);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(JSON.parse(key)), 250);
    return () => clearTimeout(t);
  }, [key]);
  const preview = useSamplePreview(studyId, debounced);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim() || `Sample of ${new Date().toLocaleDateString()}`, ...def }, { onSuccess: () => (setName(''), onCreated()) });
  };
  const options = (f: string) => (facets.data as Record<string, { value: string; label: string; count: number }[]> | undefined)?.[f] ?? [];

  return (
    <form className="panel" onSubmit={submit} data-testid="sample-form">
      <h2>New sample</h2>
      <div className="field">
        <label htmlFor="sample-name">Name</label>
        <input id="sample-name" type="text" className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Pilot: 20 random figures" />
      </div>
      <div className="section-title">From the gallery’s figures where…</div>
      <div className="field">
        <label>Notebooks</label>
        <OriginSwitch value={originOf(filters.origin)} onChange={(o) => setFilters((x) => ({ ...x, origin: o === 'originals' ? undefined : o }))} />
      </div>
      <div className="field-row">
        {FILTERS.map(([f, label]) => (
          <div className="field" key={f} style={{ width: 180 }}>
            <label htmlFor={`filter-${f}`}>{label}</label>
            <select id={`filter-${f}`} className="input" value={filters[f] ?? ''} onChange={(e) => setFilters((x) => ({ ...x, [f]: e.target.value || undefined }))}>
              <option value="">any</option>
              {options(f).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label} ({o.count})
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="section-title">Draw</div>
      <div className="field-row" role="radiogroup" aria-label="mode">
        {sampleModes.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />
            {MODE_LABELS[m]}
          </label>
        ))}
      </div>
      <div className="field-row" style={{ marginTop: 8 }}>
        {mode === 'stratified' && (
          <>
            <div className="field">
              <label htmlFor="stratify-by">Stratify by</label>
              <select id="stratify-by" className="input" value={stratifyBy} onChange={(e) => setStratifyBy(e.target.value)}>
                {stratifyFields.map((f) => <option key={f}>{f}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="stratify-share">Share</label>
              <select id="stratify-share" className="input" value={by} onChange={(e) => setBy(e.target.value as 'n' | 'percent')}>
                <option value="percent">P % of each stratum</option>
                <option value="n">N in all, split proportionally</option>
              </select>
            </div>
          </>
        )}
        {(mode === 'random-n' || (mode === 'stratified' && by === 'n')) && (
          <div className="field" style={{ width: 100 }}>
            <label htmlFor="sample-n">N</label>
            <input id="sample-n" className="input" type="number" min={1} value={n} onChange={(e) => setN(e.target.value)} />
          </div>
        )}
        {(mode === 'random-percent' || (mode === 'stratified' && by === 'percent')) && (
          <div className="field" style={{ width: 100 }}>
            <label htmlFor="sample-percent">P %</label>
            <input id="sample-percent" className="input" type="number" min={0.1} max={100} step="any" value={percent} onChange={(e) => setPercent(e.target.value)} />
          </div>
        )}
        {mode !== 'all' && (
          <div className="field" style={{ width: 100 }}>
            <label htmlFor="sample-seed">Seed</label>
            <input id="sample-seed" className="input" type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
          </div>
        )}
      </div>
      <div className="form-actions">
        <button className="btn primary" type="submit" disabled={create.isPending || !preview.data?.count}>
          {create.isPending ? 'Drawing…' : 'Draw the sample'}
        </button>
        <span data-testid="sample-preview" className="sub">
          {preview.error ? <span className="field-error">{preview.error.message}</span> : preview.data ? `${plural(preview.data.matching, 'figure')} (${preview.data.origin}) ${preview.data.matching === 1 ? 'matches' : 'match'} · the sample would hold ${preview.data.count}` : 'Counting…'}
        </span>
      </div>
      {create.error && <div className="error-box" role="alert" style={{ marginTop: 10 }}>{create.error.message}</div>}
      {mode === 'stratified' && preview.data && preview.data.strata.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <div className="section-title">Drawn per {stratifyBy}</div>
          <VegaChart spec={barChartSpec(preview.data.strata.slice(0, 30).map((s) => ({ label: `${s.stratum} (of ${s.available})`, count: s.drawn })), { x: 'items drawn', y: stratifyBy })} label="items drawn per stratum" />
        </div>
      )}
    </form>
  );
}
