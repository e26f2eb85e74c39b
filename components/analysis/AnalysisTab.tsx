// A notebook's analysis (lib/analysis-store): the ML stage of each code cell as a coloured ribbon, the
// lints, datasets, models and metrics, the heading outline, what the text says about each figure, and
// mentions of testing properties. Every cell reference links to the cell in the Cells tab.
import { cellLabel } from '@/lib/notebooks/cell-label';
import { STAGE_COLOURS, words } from './stages';

interface Result {
  cellStages: Array<{ cell: number; stage: string }>;
  lints: Array<{ rule: string; cell?: number; message: string }>;
  datasets: Array<{ path: string; cell: number; via: string | null }>;
  models: Array<{ estimator: string; cell: number }>;
  metrics: Array<{ name: string; cell: number }>;
  outline: Array<{ level: number; text: string; cell: number }>;
  testingMentions: Array<{ property: string; cell: number; text: string }>;
  figureSentences?: Array<{ cell: number; output: number; sentences: Array<{ cell: number; text: string }> }>;
}

export interface AnalysisRow {
  status: string;
  error: string | null;
  analyserVersion: string;
  result: unknown;
}

const CellLink = ({ cell, onGo }: { cell: number; onGo: (c: number) => void }) => (
  <a href={`#cell-${cell}`} onClick={(e) => { e.preventDefault(); onGo(cell); }}>{cellLabel(cell)}</a>
);

export function AnalysisTab({ analysis, onGo }: { analysis: AnalysisRow | null; onGo: (cell: number) => void }) {
  if (!analysis) return <p className="sub" data-testid="analysis">This notebook has not been analysed yet.</p>;
  if (analysis.status === 'failed' || !analysis.result) return <div className="error-box" data-testid="analysis">The analysis failed: {analysis.error}</div>;
  const r = analysis.result as Result;
  const section = (title: string, n: number) => <div className="section-title">{title} ({n})</div>;
  return (
    <div data-testid="analysis">
      <div className="section-title">ML stage of each code cell</div>
      <div className="stage-ribbon" data-testid="stage-ribbon">
        {r.cellStages.map((s) => (
          <a key={s.cell} href={`#cell-${s.cell}`} title={`${cellLabel(s.cell)}: ${words(s.stage)}`} data-stage={s.stage}
            style={{ background: STAGE_COLOURS[s.stage] ?? '#ccc' }} onClick={(e) => { e.preventDefault(); onGo(s.cell); }} />
        ))}
      </div>
      <div className="stage-legend">
        {Object.entries(STAGE_COLOURS).map(([stage, colour]) => <span key={stage}><i style={{ background: colour }} />{words(stage)}</span>)}
      </div>
      {section('Lints', r.lints.length)}
      <ul data-testid="lints">{r.lints.map((l, i) => <li key={i}><code>{l.rule}</code> {l.message}{l.cell !== undefined && <> · <CellLink cell={l.cell} onGo={onGo} /></>}</li>)}</ul>
      {section('Datasets read', r.datasets.length)}
      <ul>{r.datasets.map((d, i) => <li key={i}><code>{d.path}</code>{d.via ? ` via ${d.via}` : ''} · <CellLink cell={d.cell} onGo={onGo} /></li>)}</ul>
      {section('Models fitted', r.models.length)}
      <ul>{r.models.map((m, i) => <li key={i}><code>{m.estimator}</code> · <CellLink cell={m.cell} onGo={onGo} /></li>)}</ul>
      {section('Metrics computed', r.metrics.length)}
      <ul>{r.metrics.map((m, i) => <li key={i}><code>{m.name}</code> · <CellLink cell={m.cell} onGo={onGo} /></li>)}</ul>
      {section('Outline', r.outline.length)}
      <ul>{r.outline.map((h, i) => <li key={i} style={{ marginLeft: (h.level - 1) * 16 }}><CellLink cell={h.cell} onGo={onGo} /> {h.text}</li>)}</ul>
      {section('What the text says about each figure', (r.figureSentences ?? []).filter((f) => f.sentences.length).length)}
      <ul>
        {(r.figureSentences ?? []).filter((f) => f.sentences.length).map((f) => (
          <li key={`${f.cell}:${f.output}`}><CellLink cell={f.cell} onGo={onGo} />, output {f.output}: {f.sentences.map((s) => `“${s.text}”`).join(' ')}</li>
        ))}
      </ul>
      {section('Testing properties mentioned', r.testingMentions.length)}
      <ul>{r.testingMentions.map((m, i) => <li key={i}><strong>{words(m.property)}</strong> · <CellLink cell={m.cell} onGo={onGo} />: {m.text}</li>)}</ul>
      <p className="sub" style={{ fontSize: 11 }}>{analysis.analyserVersion}</p>
    </div>
  );
}
