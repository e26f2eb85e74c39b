// Builders for the analysis tests: small notebooks written inline as ParsedNotebook objects.
import type { NbCell, NbOutput, ParsedNotebook } from '../notebooks';

export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const png = (payload = PNG): NbOutput => ({ output_type: 'display_data', data: { 'image/png': payload, 'text/plain': '<Figure>' }, metadata: {} });
export const text = (t: string): NbOutput => ({ output_type: 'stream', name: 'stdout', text: t });
export const error = (): NbOutput => ({ output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: [] });

export function code(source: string, opts: { count?: number | null; outputs?: NbOutput[] } = {}): NbCell {
  return { cell_type: 'code', source, execution_count: opts.count === undefined ? -1 : opts.count, outputs: opts.outputs ?? [], metadata: {} };
}
export function md(source: string): NbCell {
  return { cell_type: 'markdown', source, execution_count: null, outputs: [], metadata: {} };
}

/** A notebook; code cells given no count get their position among such cells (1, 2, …). */
export function notebook(cells: NbCell[]): ParsedNotebook {
  let n = 0;
  const numbered = cells.map((c) => (c.cell_type === 'code' && c.execution_count === -1 ? { ...c, execution_count: ++n } : c));
  return { nbformat: 4, nbformatMinor: 5, originalNbformat: 4, metadata: {}, cells: numbered, language: 'python', kernelName: 'python3' };
}
