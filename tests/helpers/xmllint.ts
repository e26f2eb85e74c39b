import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REFI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/refi-qda');

/** Validates an XML document against one of the REFI-QDA schemas with xmllint; returns xmllint's output. */
export function validateWithXmllint(xml: string, schema: 'Codebook.xsd' | 'Project-mrt2019.xsd'): { ok: boolean; output: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error('xmllint is not installed: install Debian\'s libxml2-utils (apt-get install libxml2-utils; .ci/run should do it) to validate REFI-QDA exports.');
  }
  const xsd = path.join(REFI_DIR, schema);
  if (!fs.existsSync(xsd)) throw new Error(`The REFI-QDA schema ${xsd} is missing; it ships in ../shared/refi-qda.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-xmllint-'));
  const file = path.join(dir, schema === 'Codebook.xsd' ? 'codebook.qdc' : 'project.qde');
  fs.writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}
