import type { AnalysisReport } from './report';

// The report as one self-contained HTML file: inline CSS, no script, nothing fetched (images are the
// notebook's own data: URLs). Every text from the notebook goes through esc().
export function reportHtml(r: AnalysisReport): string {
  const f = r.reproducibility;
  const figures = r.figures
    .map((v, i) => `<section class="fig"><h3>Figure ${i + 1} · cell ${v.cell} · output ${v.output}</h3>
${v.image && /^data:image\/[a-z+.-]+;base64,[A-Za-z0-9+/=]*$/.test(v.image) ? `<img alt="figure ${i + 1}" src="${v.image}">` : `<p class="muted">${esc(v.mime)} (not a picture)</p>`}
<table><tr><th>Chart type</th><td>${esc(v.chartType)} (${pct(v.confidence.chartType)})</td></tr>
<tr><th>Library</th><td>${esc(v.library)} (${pct(v.confidence.library)})</td></tr>
<tr><th>ML stage</th><td>${esc(v.mlStage)} (${pct(v.confidence.mlStage)})</td></tr>
<tr><th>Multi-panel</th><td>${v.multiPanel ? 'yes' : 'no'}</td></tr>
<tr><th>Evidence</th><td>${v.evidence.map(esc).join('<br>')}</td></tr></table>
<p>Slice (cells ${v.slice.cells.join(', ')}):</p><pre>${esc(v.slice.code)}</pre>
${v.sentences.length ? `<p>Text about it: ${v.sentences.map((s) => `“${esc(s.text)}”`).join(' ')}</p>` : ''}</section>`)
    .join('\n');
  const stages = r.notebook.cellStages.map((s) => `<span class="st st-${esc(s.stage)}" title="cell ${s.cell}: ${esc(s.stage)}">${s.cell}</span>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vizmine report: ${esc(r.fileName)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
pre{background:#f5f5f5;padding:.5rem;overflow:auto}img{max-width:100%;border:1px solid #ddd}
table{border-collapse:collapse}th,td{text-align:left;padding:2px 8px;border-bottom:1px solid #eee;vertical-align:top}
.fig{border-top:2px solid #ccc;margin-top:1.5rem}.muted{color:#777}.st{display:inline-block;min-width:1.6rem;text-align:center;margin:1px;font-size:11px;background:#ddd}
.st-data_exploration{background:#9ecae1}.st-preprocessing{background:#c6dbef}.st-training_monitoring{background:#fdae6b}.st-model_evaluation{background:#74c476}.st-explainability{background:#bcbddc}.st-fairness{background:#fb6a4a}</style></head><body>
<h1>${esc(r.fileName)}</h1><p class="muted">Analysed by vizmine on ${esc(r.analysedAt)}: ${r.cells.total} cells (${r.cells.code} code, ${r.cells.markdown} markdown), ${r.figures.length} figures.</p>
<h2>Reproducibility flags</h2><ul><li>Cells run out of order: ${f.outOfOrder ? 'yes' : 'no'}</li><li>Skipped execution counts: ${f.skippedCounts ? 'yes' : 'no'}</li><li>Code cells never executed: ${f.neverExecutedCells}</li></ul>
<h2>Stage ribbon</h2><p>${stages}</p>
<h2>Lints</h2>${list(r.notebook.lints.map((l) => `<b>${esc(l.rule)}</b> ${esc(l.message)}${l.cell !== undefined ? ` (cell ${l.cell})` : ''}`))}
<h2>Outline</h2>${list(r.notebook.outline.map((h) => `${'·'.repeat(Math.max(0, h.level - 1))} ${esc(h.text)} (cell ${h.cell})`))}
<h2>Testing mentions</h2>${list(r.notebook.testingMentions.map((m) => `${esc(m.property)}: “${esc(m.text)}” (cell ${m.cell})`))}
<h2>Figures</h2>${figures || '<p>No figures.</p>'}
</body></html>
`;
}

const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p class="muted">None.</p>');
const pct = (x: number) => `${Math.round(x * 100)} %`;

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
