// The last check: every PNG/JPEG output must be decodable base64, because the importer
// decodes them to store image blobs and a half-valid image is worse than a clear rejection.
import { findBase64Error } from './base64';
import { NotebookError } from './errors';
import { jsonType } from './json-values';
import type { NbCell } from './types';
import { outputLabel } from './cell-label';

const BASE64_MIMES = ['image/png', 'image/jpeg'];

export function checkImages(cells: NbCell[]): void {
  for (let c = 0; c < cells.length; c++) {
    const outputs = cells[c].outputs;
    for (let o = 0; o < outputs.length; o++) {
      const { output_type: type, data } = outputs[o];
      if (!data || (type !== 'display_data' && type !== 'execute_result')) continue;
      for (const mime of BASE64_MIMES) {
        const v = data[mime];
        if (v === undefined) continue;
        const problem = typeof v === 'string' ? findBase64Error(v) : `expected a base64 string, got ${jsonType(v)}`;
        if (problem === null) continue;
        const where = `${outputLabel(c, o)} ${mime}`;
        const reason = typeof v === 'string' ? `invalid base64 (${problem})` : problem;
        throw new NotebookError('base64', `${where}: ${reason}`, where);
      }
    }
  }
}
