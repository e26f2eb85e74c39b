// npx tsx bench/label-agreement.ts <labeller-A.csv> <labeller-B.csv> [--disagreements]
// Inter-rater agreement between two independent label files of the analysis development set
// (columns id,notebook,cell_index,output_index,mime,chart_type,multi_panel,library,ml_stage,...):
// Cohen's kappa and percent agreement per field, with lib/agreement (only items both labelled).
// Items are matched on notebook + cell + output, not on id, so two files numbered differently
// still pair up.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { cohenKappa, percentAgreement, type Rating } from '../lib/agreement';

const FIELDS = ['chart_type', 'library', 'ml_stage', 'multi_panel'] as const;
type Row = Record<string, string>;

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const showDisagreements = args.includes('--disagreements');
if (files.length !== 2) {
  console.error('usage: npx tsx bench/label-agreement.ts <A.csv> <B.csv> [--disagreements]');
  process.exit(2);
}

const key = (r: Row) => `${r.notebook}#${r.cell_index}#${r.output_index}`;
function read(file: string): Map<string, Row> {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  const byKey = new Map<string, Row>();
  for (const r of rows) {
    if (byKey.has(key(r))) throw new Error(`${file}: visualisation ${key(r)} labelled twice`);
    byKey.set(key(r), r);
  }
  return byKey;
}

const [a, b] = files.map(read) as [Map<string, Row>, Map<string, Row>];
const [nameA, nameB] = files.map((f) => path.basename(f, '.csv'));
const both = [...a.keys()].filter((k) => b.has(k));
console.log(`${nameA}: ${a.size} items, ${nameB}: ${b.size} items, labelled by both: ${both.length}`);
console.log('field        n   kappa   agreement');

for (const field of FIELDS) {
  const ratings: Rating[] = [];
  for (const k of both) {
    ratings.push({ item: k, coder: nameA, value: a.get(k)![field] || null });
    ratings.push({ item: k, coder: nameB, value: b.get(k)![field] || null });
  }
  const kappa = cohenKappa(ratings);
  const pct = percentAgreement(ratings);
  const k = kappa.value === null ? `n/a (${kappa.reason})` : kappa.value.toFixed(3);
  const p = pct.value === null ? 'n/a' : `${(100 * pct.value).toFixed(1)}% (${pct.agreedItems}/${pct.items})`;
  console.log(`${field.padEnd(12)} ${String(kappa.items).padStart(3)}  ${k.padStart(6)}   ${p}`);
}

if (showDisagreements) {
  for (const k of both) {
    const diff = FIELDS.filter((f) => a.get(k)![f] !== b.get(k)![f]);
    if (diff.length) console.log(`${a.get(k)!.id}\t${k}\t${diff.map((f) => `${f}: ${a.get(k)![f]} | ${b.get(k)![f]}`).join('; ')}`);
  }
}
