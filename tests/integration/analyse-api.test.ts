import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { reportHtml } from '../../lib/analyse-one/report-html';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A small notebook: a heading that mentions fairness, a confusion matrix drawn with seaborn (cells out of order). */
export function smallNotebook(): string {
  const md = (source: string) => ({ cell_type: 'markdown', metadata: {}, source });
  const code = (n: number | null, source: string, outputs: unknown[] = []) => ({ cell_type: 'code', metadata: {}, execution_count: n, source, outputs });
  return JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } },
    cells: [
      md('# Titanic <script>alert(1)</script>\nWe check the model for fairness across groups.'),
      code(2, 'import seaborn as sns\nfrom sklearn.metrics import confusion_matrix\nfrom sklearn.linear_model import LogisticRegression'),
      code(1, 'model = LogisticRegression().fit(X, y)\ncm = confusion_matrix(y, model.predict(X))  # "<i>" & co'),
      md('The confusion matrix shows how often the model is wrong.'),
      code(3, 'sns.heatmap(cm, annot=True)', [{ output_type: 'display_data', metadata: {}, data: { 'image/png': PNG, 'text/plain': '<Figure>' } }]),
      code(null, 'print("never ran")'),
    ],
  });
}

describe('POST /api/analyse', () => {
  let store: TestStore;
  let auth: Headers;
  let POST: typeof import('../../app/api/analyse/route').POST;

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    auth = (await signedInHeaders(store, { role: 'coder' })).headers;
    POST = (await import('../../app/api/analyse/route')).POST;
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  const upload = (name: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('file', new File([typeof body === 'string' ? body : new Uint8Array(body)], name));
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return new Request('http://localhost/api/analyse', { method: 'POST', headers: auth, body: form });
  };

  it('returns the figures with labels, slice and picture, the lints, text insights and flags; stores nothing', async () => {
    const res = await POST(upload('small.ipynb', smallNotebook()), {});
    expect(res.status).toBe(200);
    const { report, imported } = await res.json();
    expect(imported).toBeNull();
    expect(report.figures).toHaveLength(1);
    const fig = report.figures[0];
    expect(fig).toMatchObject({ cell: 4, output: 0, chartType: 'confusion_matrix', library: 'seaborn', mlStage: 'model_evaluation' });
    expect(fig.image).toBe(`data:image/png;base64,${PNG}`);
    expect(fig.slice.cells).toEqual(expect.arrayContaining([2, 4]));
    expect(fig.slice.code).toContain('confusion_matrix(y, model.predict(X))');
    expect(report.notebook.testingMentions.map((m: { property: string }) => m.property)).toContain('fairness');
    expect(report.notebook.outline[0]).toMatchObject({ level: 1, cell: 0 });
    expect(report.reproducibility).toEqual({ outOfOrder: true, skippedCounts: false, neverExecutedCells: 1 });
    // The stage ribbon: one stage per code cell (the engine's stageOfCell, tested by its owner).
    expect(report.notebook.cellStages.map((s: { cell: number }) => s.cell)).toEqual([1, 2, 4, 5]);
    const [{ n }] = await store.db.execute<{ n: number }>(sql`select count(*)::int as n from notebooks`);
    expect(Number(n)).toBe(0);

    // The HTML download: notebook text escaped, no script, nothing remote.
    const html = reportHtml({ ...report, fileName: '<script>alert(1)</script>.ipynb' });
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;.ipynb</h1>');
    expect(html).toContain('Titanic alert(1)'); // the engine keeps a heading's text, not its tags
    expect(html).toContain('# &quot;&lt;i&gt;&quot; &amp; co');
    expect(html).not.toMatch(/<script|src="http|href="http/i);
    expect(html).toContain(`src="data:image/png;base64,${PNG}"`);
  });

  it('takes the raw notebook as the body too', async () => {
    const res = await POST(new Request('http://localhost/api/analyse?name=raw.ipynb', { method: 'POST', headers: auth, body: smallNotebook() }), {});
    expect(res.status).toBe(200);
    expect((await res.json()).report.fileName).toBe('raw.ipynb');
  });

  it('refuses a broken, a hostile and a wrongly named file with a clear 400', async () => {
    const broken = await POST(upload('broken.ipynb', '{"nbformat": 4, "cells": [ {'), {});
    expect(broken.status).toBe(400);
    const body = await broken.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/JSON|line|unexpected|end/i);
    expect(body.error.message).not.toMatch(/at .*\.ts:\d+/);

    const deep = await POST(upload('deep.ipynb', '['.repeat(100_000) + ']'.repeat(100_000)), {});
    expect(deep.status).toBe(400);
    const png = await POST(upload('picture.png', Buffer.from(PNG, 'base64')), {});
    expect(png.status).toBe(400);
    expect((await png.json()).error.message).toContain('not a .ipynb');
  });

  it('imports it too only when asked, and only for those who may import', async () => {
    const coder = await POST(upload('small.ipynb', smallNotebook(), { import: 'on' }), {});
    expect(coder.status).toBe(403);
    const sup = (await signedInHeaders(store, { role: 'supervisor' })).headers;
    const form = new FormData();
    form.set('file', new File([smallNotebook()], 'kept.ipynb'));
    form.set('import', 'on');
    const res = await POST(new Request('http://localhost/api/analyse', { method: 'POST', headers: sup, body: form }), {});
    expect(res.status).toBe(200);
    const { imported } = await res.json();
    expect(imported.status).toBe('imported');
    const [{ n }] = await store.db.execute<{ n: number }>(sql`select count(*)::int as n from notebooks where file_name = 'kept.ipynb'`);
    expect(Number(n)).toBe(1);
  });
});
