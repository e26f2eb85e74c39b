import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { code, imageOutput, nbBytes, PNG_B64, v4 } from '../notebooks/test-helpers';
import { prepareNotebook } from './prepare-notebook';

const python = { kernelspec: { name: 'python3', language: 'python' } };
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

describe('prepareNotebook (the worker threads’ part of an import)', () => {
  it('builds every row: cells with serialised outputs, one image row per distinct image, visualisations with context', () => {
    const bytes = nbBytes(
      v4(
        [
          { cell_type: 'markdown', source: '# Survival by class', metadata: {} },
          code({ outputs: [imageOutput(PNG_B64), imageOutput(PNG_B64)] }),
          { cell_type: 'markdown', source: 'So first class survived.', metadata: {} },
        ],
        python,
      ),
    );
    const p = prepareNotebook('titanic.ipynb', bytes);
    if (p.kind !== 'ready') throw new Error(`expected ready, got ${p.kind}`);
    expect(p.contentHash).toBe(sha(bytes));
    const png = Buffer.from(PNG_B64, 'base64');
    expect(p.images).toEqual([{ sha256: sha(png), mime: 'image/png', size: png.length, bytes: png, width: 1, height: 1 }]);
    expect(p.cells.map((c) => c.position)).toEqual([0, 1, 2]);
    // The image bytes live in the blob store; the stored output names them.
    expect(JSON.parse(p.cells[1].outputs)[0].data['image/png']).toEqual({ $blob: sha(png) });
    expect(p.visualisations).toHaveLength(2);
    expect(p.visualisations[1]).toMatchObject({ cellPosition: 1, outputIndex: 1, blobSha256: sha(png), contextBefore: [0], contextAfter: 2, hasContext: true });
    expect(p.values).toMatchObject({ fileName: 'titanic.ipynb', codeCells: 1, markdownCells: 2, visualisationCount: 2, bytes: bytes.length });
    expect(p.summary).toEqual({ cells: { code: 1, markdown: 2, raw: 0 }, visualisations: { total: 2, byMime: { 'image/png': 2 } } });
  });

  it('says what failed and where, without throwing', () => {
    const bytes = nbBytes(v4([code()], python));
    const p = prepareNotebook('cut.ipynb', bytes.subarray(0, 40));
    expect(p).toMatchObject({ kind: 'failed', code: 'truncated', where: expect.stringMatching(/^byte \d+$/) });
  });

  it('rejects a notebook that is not Python, with the reason', () => {
    const p = prepareNotebook('r.ipynb', nbBytes(v4([], { kernelspec: { name: 'ir', language: 'R' } })));
    expect(p).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/only Python notebooks/) });
  });
});
