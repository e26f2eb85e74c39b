'use client';
import type { AnalysisReport } from '@/lib/analyse-one/report';
import { reportHtml } from '@/lib/analyse-one/report-html';

const STAGE_COLOURS: Record<string, string> = {
  data_exploration: '#9ecae1', preprocessing: '#c6dbef', training_monitoring: '#fdae6b', model_evaluation: '#74c476', explainability: '#bcbddc', fairness: '#fb6a4a', other: '#ddd',
};

/** Offers a string as a file download (an object URL: nothing leaves the browser). */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReportView({ report: r }: { report: AnalysisReport }) {
  const base = r.fileName.replace(/\.ipynb$/i, '');
  const f = r.reproducibility;
  return (
    <div data-testid="report" style={{ marginTop: 16 }}>
      <div className="page-head">
        <div>
          <h2>{r.fileName}</h2>
          <p className="sub">{r.cells.total} cells ({r.cells.code} code, {r.cells.markdown} markdown) · {r.figures.length} figures</p>
        </div>
        <div style={{ display: 'flex', gap: 6 }}>
          <button className="btn" onClick={() => download(`${base}.vizmine.json`, 'application/json', JSON.stringify(r, null, 2))}>Download JSON</button>
          <button className="btn" onClick={() => download(`${base}.vizmine.html`, 'text/html', reportHtml(r))}>Download HTML</button>
        </div>
      </div>
      <section className="panel" aria-label="Reproducibility flags">
        <h2>Reproducibility flags</h2>
        <ul data-testid="flags">
          <li>Cells run out of order: <b>{f.outOfOrder ? 'yes' : 'no'}</b></li>
          <li>Skipped execution counts (hidden state): <b>{f.skippedCounts ? 'yes' : 'no'}</b></li>
          <li>Code cells never executed: <b>{f.neverExecutedCells}</b></li>
        </ul>
      </section>
      <section className="panel" aria-label="Stage ribbon">
        <h2>Stage ribbon</h2>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          {r.notebook.cellStages.map((s) => (
            <span key={s.cell} title={`cell ${s.cell}: ${s.stage}`} style={{ background: STAGE_COLOURS[s.stage] ?? '#ddd', padding: '1px 5px', fontSize: 11 }}>
              {s.cell}
            </span>
          ))}
        </div>
        <p className="sub" style={{ fontSize: 12 }}>{Object.entries(STAGE_COLOURS).map(([k, c]) => <span key={k} style={{ marginRight: 8 }}><span style={{ background: c, padding: '0 6px' }} /> {k.replace(/_/g, ' ')}</span>)}</p>
      </section>
      <div className="grid-2">
        <section className="panel" aria-label="Lints">
          <h2>Lints ({r.notebook.lints.length})</h2>
          <ul>{r.notebook.lints.map((l, i) => <li key={i}><b>{l.rule}</b> {l.message}{l.cell !== undefined && ` (cell ${l.cell})`}</li>)}</ul>
        </section>
        <section className="panel" aria-label="Text">
          <h2>Text</h2>
          <h3>Outline</h3>
          <ul>{r.notebook.outline.map((h, i) => <li key={i} style={{ marginLeft: (h.level - 1) * 12 }}>{h.text} <span className="sub">(cell {h.cell})</span></li>)}</ul>
          <h3>Testing mentions</h3>
          {r.notebook.testingMentions.length === 0 ? <p className="sub">None.</p> : <ul data-testid="testing-mentions">{r.notebook.testingMentions.map((m, i) => <li key={i}><b>{m.property}</b>: “{m.text}” <span className="sub">(cell {m.cell})</span></li>)}</ul>}
        </section>
      </div>
      <h2>Figures</h2>
      {r.figures.length === 0 && <p className="sub">This notebook has no figures in its outputs.</p>}
      {r.figures.map((v, i) => (
        <section key={i} className="panel" aria-label={`Figure ${i + 1}`} data-testid="report-figure" style={{ display: 'grid', gridTemplateColumns: 'minmax(0,1fr) minmax(0,1fr)', gap: 12, marginBottom: 12 }}>
          <div>
            <h3>Figure {i + 1} · cell {v.cell}, output {v.output}</h3>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL from the uploaded notebook */}
            {v.image ? <img src={v.image} alt={`figure ${i + 1}`} style={{ maxWidth: '100%' }} /> : <p className="sub">{v.mime} (not a picture)</p>}
            <table className="list">
              <tbody>
                <tr><th>Chart type</th><td data-testid="chart-type">{v.chartType}</td><td className="num">{Math.round(v.confidence.chartType * 100)} %</td></tr>
                <tr><th>Library</th><td>{v.library}</td><td className="num">{Math.round(v.confidence.library * 100)} %</td></tr>
                <tr><th>ML stage</th><td>{v.mlStage}</td><td className="num">{Math.round(v.confidence.mlStage * 100)} %</td></tr>
                <tr><th>Multi-panel</th><td>{v.multiPanel ? 'yes' : 'no'}</td><td /></tr>
              </tbody>
            </table>
            {v.sentences.length > 0 && <p className="sub">{v.sentences.map((s) => `“${s.text}”`).join(' ')}</p>}
          </div>
          <div>
            <p className="sub">Slice: cells {v.slice.cells.join(', ')}</p>
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{v.slice.code}</pre>
            <p className="sub" style={{ fontSize: 12 }}>Evidence: {v.evidence.join('; ')}</p>
          </div>
        </section>
      ))}
    </div>
  );
}
