// A stored notebook read back into the parser's shape (nbformat 4), as the analysis engine wants it.
// Import replaced image payloads by { $blob: sha256 } and interactive specs by { $visualisation: true };
// both are put back: specs from the visualisation rows, images from the blob store only when asked
// (OCR needs the bytes), otherwise as an empty string so the output still counts as the same figure.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cells, notebooks, visualisations, type Notebook } from '../db/schema';
import type { NbCell, NbOutput, ParsedNotebook } from '../notebooks';
import { blobStoreOf } from '../blobs';

export interface LoadOptions {
  /** Read image bytes back from the blob store (needed for OCR). */
  images?: boolean;
  blobDir?: string;
}

export async function loadStoredNotebook(
  db: Db,
  notebookId: number,
  opts: LoadOptions = {},
): Promise<{ notebook: Notebook; parsed: ParsedNotebook } | null> {
  const [notebook] = await db.select().from(notebooks).where(eq(notebooks.id, notebookId));
  if (!notebook) return null;
  const rows = await db.select().from(cells).where(eq(cells.notebookId, notebookId)).orderBy(asc(cells.position));
  const specs = await db
    .select({ cell: visualisations.cellPosition, output: visualisations.outputIndex, spec: visualisations.spec })
    .from(visualisations)
    .where(eq(visualisations.notebookId, notebookId));
  const specOf = new Map(specs.map((s) => [`${s.cell}:${s.output}`, s.spec]));
  const parsedCells: NbCell[] = [];
  for (const row of rows) {
    const outputs: NbOutput[] = [];
    for (const [i, o] of (row.outputs as NbOutput[]).entries()) {
      outputs.push(await restoreOutput(db, o, specOf.get(`${row.position}:${i}`), opts));
    }
    parsedCells.push({ cell_type: row.cellType, source: row.source, execution_count: row.executionCount, outputs, metadata: row.metadata });
  }
  return {
    notebook,
    parsed: {
      nbformat: 4,
      nbformatMinor: notebook.nbformatMinor,
      originalNbformat: notebook.originalNbformat === 3 ? 3 : 4,
      metadata: notebook.metadata,
      cells: parsedCells,
      language: notebook.language,
      kernelName: notebook.kernelName,
    },
  };
}

async function restoreOutput(db: Db, o: NbOutput, spec: unknown, opts: LoadOptions): Promise<NbOutput> {
  if (!o.data) return o;
  const data: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(o.data)) {
    if (isRef(value, '$blob')) data[mime] = await imageText(db, mime, String(value.$blob), opts);
    else if (isRef(value, '$visualisation')) data[mime] = unwrapSpec(mime, spec);
    else data[mime] = value;
  }
  return { ...o, data };
}

function isRef<K extends string>(v: unknown, key: K): v is Record<K, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && key in v;
}

// HTML figures were stored as { html }; spec MIME types as the spec itself.
function unwrapSpec(mime: string, spec: unknown): unknown {
  if (mime === 'text/html' && isRef(spec, 'html')) return spec.html;
  return spec ?? {};
}

async function imageText(db: Db, mime: string, sha256: string, opts: LoadOptions): Promise<string> {
  if (!opts.images || !opts.blobDir) return '';
  try {
    const found = await blobStoreOf(db, opts.blobDir).get(sha256);
    if (!found) return ''; // a missing blob: the labels come from the code alone
    const bytes = Buffer.from(found);
    return mime === 'image/svg+xml' ? bytes.toString('utf8') : bytes.toString('base64');
  } catch {
    return ''; // a missing blob: the labels come from the code alone
  }
}
