import { readSources } from '../../lib/ingest/read-sources';
import { parseNotebook, checkLanguage, NotebookError } from '../../lib/notebooks';
import { analyseNotebook, terminateOcr, type NotebookAnalysis } from '../../lib/analysis';

interface Options {
  json?: boolean;
  ocr?: boolean;
}

export interface AnalyseResult {
  file: string;
  status: 'analysed' | 'rejected' | 'failed';
  error?: { code: string; message: string; where: string | null };
  notebook?: NotebookAnalysis['notebook'];
  imports?: string[];
  visualisations?: NotebookAnalysis['visualisations'];
}

/**
 * Analyses notebooks from files, folders and zips, with no database and no data dir: one result per
 * file (a JSON line with --json, else a readable report). Returns 2 when any file failed.
 */
export async function analyseCommand(paths: string[], opts: Options): Promise<number> {
  const tally = { analysed: 0, rejected: 0, failed: 0 };
  for await (const source of readSources(paths)) {
    const result = await analyseSource(source, opts);
    tally[result.status]++;
    await write(opts.json ? `${JSON.stringify(result)}\n` : report(result));
  }
  if (opts.ocr) await terminateOcr();
  if (!opts.json) console.log(`${tally.analysed} analysed, ${tally.rejected} rejected, ${tally.failed} failed`);
  return tally.failed > 0 ? 2 : 0;
}

// Waits until the line is handed to the pipe: the CLI ends with process.exit, which would cut off
// output still queued for a slow reader.
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

async function analyseSource(
  source: { file: string; bytes: Uint8Array } | { file: string; readError: string },
  opts: Options,
): Promise<AnalyseResult> {
  const { file } = source;
  if ('readError' in source) return { file, status: 'failed', error: { code: 'unreadable', message: source.readError, where: null } };
  let nb;
  try {
    nb = parseNotebook(source.bytes);
  } catch (e) {
    if (!(e instanceof NotebookError)) throw e;
    return { file, status: 'failed', error: { code: e.code, message: e.message, where: e.where } };
  }
  const language = checkLanguage(nb);
  if (!language.ok) return { file, status: 'rejected', error: { code: 'language', message: language.reason, where: null } };
  try {
    const analysis = await analyseNotebook(nb, { ocr: opts.ocr, fileName: file });
    return { file, status: 'analysed', ...analysis };
  } catch (e) {
    // A bug on one notebook must not stop the batch: it is this file's failure, reported with its cause.
    return { file, status: 'failed', error: { code: 'analysis', message: (e as Error).message, where: null } };
  }
}

function report(r: AnalyseResult): string {
  const lines = [`${r.file}: ${r.status}${r.error ? ` (${r.error.code}: ${r.error.message}${r.error.where ? ` at ${r.error.where}` : ''})` : ''}`];
  const nb = r.notebook;
  if (!nb || !r.visualisations) return `${lines[0]}\n\n`;
  lines.push(`  ${r.visualisations.length} visualisations`);
  for (const v of r.visualisations) {
    const panel = v.multiPanel ? 'multi-panel' : 'single panel';
    lines.push(`    cell ${v.cell} output ${v.output} (${v.mime}): ${v.chartType} · ${v.library} · ${v.mlStage} · ${panel}; slice: cells ${v.slice.cells.join(', ')}`);
    for (const s of v.sentences.slice(0, 2)) lines.push(`      “${s.text.slice(0, 120)}” (cell ${s.cell})`);
  }
  const stages = new Map<string, number>();
  for (const s of nb.cellStages) stages.set(s.stage, (stages.get(s.stage) ?? 0) + 1);
  lines.push(`  Code cell stages: ${[...stages].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`);
  lines.push(`  Datasets: ${nb.datasets.map((d) => d.path).join(', ') || 'none'}`);
  lines.push(`  Models fitted: ${nb.models.map((m) => m.estimator).join(', ') || 'none'}`);
  lines.push(`  Metrics: ${nb.metrics.map((m) => m.name).join(', ') || 'none'}`);
  if (nb.outline.length) {
    lines.push('  Outline:');
    for (const h of nb.outline) lines.push(`    ${'  '.repeat(h.level - 1)}${h.text} (cell ${h.cell})`);
  }
  for (const m of nb.testingMentions) lines.push(`  Mentions ${m.property} (cell ${m.cell}): ${m.text.slice(0, 120)}`);
  for (const e of nb.syntaxErrors) lines.push(`  Syntax error: cell ${e.cell} line ${e.line + 1}: ${e.message}`);
  if (nb.lints.length) {
    lines.push(`  Lints (${nb.lints.length}):`);
    for (const l of nb.lints) lines.push(`    ${l.rule}${l.cell !== undefined ? ` (cell ${l.cell})` : ''}: ${l.message}`);
  }
  return `${lines.join('\n')}\n\n`;
}
