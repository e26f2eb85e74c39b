// npm run bench:render [-- <folder>] [--concurrency N] [--limit N]: how fast the background renderer draws the
// corpus's interactive figures (plotly, vega, bokeh, HTML) to PNGs in headless Chromium. Imports the
// notebooks (read in place) into a fresh embedded database, then times renderFigures alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../lib/db/client';
import { importSources } from '../lib/ingest/import-sources';
import { readSources } from '../lib/ingest/read-sources';
import { renderFigures } from '../lib/render/render-figures';
import { launchRenderer, RENDER_TIMEOUT_MS } from '../lib/render/renderer';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { concurrency: { type: 'string', default: '2' }, limit: { type: 'string' } } });
const folder = path.resolve(positionals[0] ?? '../shared/corpus/notebooks');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-bench-render-'));
const blobDir = path.join(dataDir, 'blobs');

const store = await openDatabase({ dataDir });
try {
  await importSources(store.db, readSources([folder]), { blobDir });
  const t0 = performance.now();
  const renderer = await launchRenderer();
  const launchS = (performance.now() - t0) / 1000;
  const t = performance.now();
  const r = await renderFigures(store.db, blobDir, async () => renderer, {
    concurrency: Number(values.concurrency),
    limit: values.limit ? Number(values.limit) : undefined,
    onProgress: (p) => process.stderr.write(`\r${p.rendered} rendered, ${p.failed} failed`),
  });
  const s = (performance.now() - t) / 1000;
  process.stderr.write('\n');
  await renderer.close();
  const byKind = await store.db.execute<{ kind: string; rendered: number; failed: number }>(
    sql`select kind, count(rendered_sha256)::int as rendered, count(render_error)::int as failed from visualisations where blob_sha256 is null and kind <> 'image' group by kind order by kind`,
  );
  const errors = await store.db.execute<{ render_error: string; n: number }>(sql`select render_error, count(*)::int as n from visualisations where render_error is not null group by 1 order by 2 desc limit 5`);
  console.log(`corpus: ${folder}`);
  for (const k of byKind) console.log(`  ${k.kind}: ${k.rendered} rendered, ${k.failed} failed`);
  for (const e of errors) console.log(`  failed ×${e.n}: ${e.render_error}`);
  console.log(`browser launch: ${launchS.toFixed(1)} s; concurrency ${values.concurrency}; timeout ${RENDER_TIMEOUT_MS / 1000} s; ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`figures=${r.rendered + r.failed} rendered=${r.rendered} failed=${r.failed} seconds=${s.toFixed(1)} figures_per_s=${((r.rendered + r.failed) / s).toFixed(2)}`);
} finally {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
