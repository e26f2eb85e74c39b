// npm run bench:analysis [-- --labels file.csv] [--no-ocr]: the analysis engine against the labelled
// development set (tests/fixtures/analysis-labels.csv): accuracy and macro-F1 per field, the most
// frequent mislabels, accuracy averaged per notebook; then its speed over the whole corpus without and
// with OCR, and the share of figures that needed OCR. The notebooks are read in place, never copied.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyseNotebook, terminateOcr, type NotebookAnalysis } from '../lib/analysis';
import { parseNotebook } from '../lib/notebooks';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/notebooks');
const argv = process.argv.slice(2);
const labelsFile = argv.includes('--labels') ? argv[argv.indexOf('--labels') + 1] : path.join(ROOT, 'tests/fixtures/analysis-labels.csv');
const withOcr = !argv.includes('--no-ocr');

const FIELDS = ['chart_type', 'library', 'ml_stage', 'multi_panel'] as const;
type Field = (typeof FIELDS)[number];
interface Row { id: string; notebook: string; cell_index: string; output_index: string; [k: string]: string }

const bool = (v: string) => (/^(true|1|yes|y)$/i.test(v.trim()) ? 'true' : /^(false|0|no|n)$/i.test(v.trim()) ? 'false' : v.trim());
const gold = (r: Row, f: Field) => (f === 'multi_panel' ? bool(r[f]) : r[f].trim());

async function analyseFile(file: string, ocr: boolean): Promise<NotebookAnalysis | null> {
  try {
    return await analyseNotebook(parseNotebook(fs.readFileSync(path.join(CORPUS, file))), { ocr, fileName: file });
  } catch {
    return null; // rejected (e.g. an R notebook) or unreadable: the CLI reports these; the bench skips them
  }
}

function predicted(a: NotebookAnalysis | null, r: Row, f: Field): string {
  const v = a?.visualisations.find((x) => x.cell === Number(r.cell_index) && x.output === Number(r.output_index));
  if (!v) return '(missing)';
  return String({ chart_type: v.chartType, library: v.library, ml_stage: v.mlStage, multi_panel: v.multiPanel }[f]);
}

function macroF1(pairs: Array<[string, string]>): number {
  const classes = new Set(pairs.flatMap(([g]) => [g]));
  let sum = 0;
  for (const c of classes) {
    const tp = pairs.filter(([g, p]) => g === c && p === c).length;
    const fp = pairs.filter(([g, p]) => g !== c && p === c).length;
    const fn = pairs.filter(([g, p]) => g === c && p !== c).length;
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return classes.size ? sum / classes.size : 0;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

async function scoreLabels(rows: Row[], ocr: boolean) {
  const byNotebook = new Map<string, Row[]>();
  for (const r of rows) byNotebook.set(r.notebook, [...(byNotebook.get(r.notebook) ?? []), r]);
  const pairs = new Map<Field, Array<[string, string, string]>>(FIELDS.map((f) => [f, []]));
  const perNotebook = new Map<Field, number[]>(FIELDS.map((f) => [f, []]));
  for (const [file, nbRows] of byNotebook) {
    const a = await analyseFile(file, ocr);
    for (const f of FIELDS) {
      const ps = nbRows.map((r) => [gold(r, f), predicted(a, r, f), `${file}#${r.cell_index}/${r.output_index}`] as [string, string, string]);
      pairs.get(f)!.push(...ps);
      perNotebook.get(f)!.push(ps.filter(([g, p]) => g === p).length / ps.length);
    }
  }
  return { pairs, perNotebook, notebooks: byNotebook.size };
}

function printScores(title: string, s: Awaited<ReturnType<typeof scoreLabels>>) {
  console.log(`\n== ${title} (${s.pairs.get('chart_type')!.length} figures, ${s.notebooks} notebooks)`);
  console.log('field         accuracy   macro-F1   accuracy averaged per notebook');
  for (const f of FIELDS) {
    const ps = s.pairs.get(f)!;
    const acc = ps.filter(([g, p]) => g === p).length / ps.length;
    const nb = s.perNotebook.get(f)!;
    console.log(`${f.padEnd(13)} ${pct(acc).padStart(8)}   ${macroF1(ps.map(([g, p]) => [g, p])).toFixed(3).padStart(8)}   ${pct(nb.reduce((a, b) => a + b, 0) / nb.length).padStart(8)}`);
  }
  for (const f of FIELDS) {
    const counts = new Map<string, { n: number; ex: string }>();
    for (const [g, p, where] of s.pairs.get(f)!) {
      if (g === p) continue;
      const k = `${g} -> ${p}`;
      counts.set(k, { n: (counts.get(k)?.n ?? 0) + 1, ex: counts.get(k)?.ex ?? where });
    }
    const top = [...counts.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 8);
    console.log(`\nconfusions ${f} (gold -> predicted):`);
    for (const [k, { n, ex }] of top) console.log(`  ${String(n).padStart(3)}  ${k.padEnd(40)} e.g. ${ex}`);
    if (!top.length) console.log('  none');
  }
}

async function speed(ocr: boolean) {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.ipynb')).sort();
  let figures = 0, ocrFigures = 0, analysed = 0;
  const t0 = performance.now();
  for (const f of files) {
    const a = await analyseFile(f, ocr);
    if (!a) continue;
    analysed++;
    figures += a.visualisations.length;
    ocrFigures += a.visualisations.filter((v) => v.usedOcr).length;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`${ocr ? 'with OCR   ' : 'without OCR'}  ${analysed} notebooks, ${figures} figures in ${s.toFixed(1)} s: ` +
    `${(analysed / s).toFixed(1)} notebooks/s, ${(figures / s).toFixed(1)} figures/s` +
    (ocr ? `; OCR needed for ${ocrFigures} figures (${pct(figures ? ocrFigures / figures : 0)})` : ''));
}

if (!fs.existsSync(labelsFile)) {
  console.log(`No labels at ${labelsFile}: accuracy skipped (pass --labels file.csv).`);
} else {
  const rows = parse(fs.readFileSync(labelsFile), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  printScores('labels from the code and output (no OCR)', await scoreLabels(rows, false));
  if (withOcr) printScores('with OCR where the code leaves a label open', await scoreLabels(rows, true));
}
console.log(`\n== speed over the whole corpus (${CORPUS}), one process`);
await speed(false);
if (withOcr) await speed(true);
await terminateOcr();
