import fs from 'node:fs';
import { agreementReport, type Figures } from '../../lib/agreement/codings-report';
import { readCodingsCsv } from '../../lib/agreement/read-codings';

/** `vizmine agreement <codings.csv>`: the agreement figures for any codings file in the export's format. */
export function agreementCommand(file: string, opts: { json?: boolean }): number {
  const report = agreementReport(readCodingsCsv(fs.readFileSync(file, 'utf8')));
  if (opts.json) {
    console.log(JSON.stringify(report));
    return 0;
  }
  const f = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  const line = (name: string, r: Figures) =>
    `${name.padEnd(32)} ${String(r.items).padStart(6)} ${String(r.coders).padStart(6)} ${f(r.percentAgreement).padStart(7)} ${f(r.cohenKappa).padStart(7)} ${f(r.fleissKappa).padStart(7)} ${f(r.alpha).padStart(7)}`;
  console.log(`${'code'.padEnd(32)} ${'items'.padStart(6)} ${'coders'.padStart(6)} ${'%'.padStart(7)} ${'κ'.padStart(7)} ${'Fleiss'.padStart(7)} ${'α'.padStart(7)}`);
  console.log(line('(all codes, as sets; α with MASI)', report.overall));
  for (const c of report.perCode) console.log(line(c.code, c));
  return 0;
}
