import type { NewNotebook, NewVisualisation } from '../db/schema';
import { parseNotebook, checkLanguage, NotebookError, V3_HEADING_KEY, type ParsedNotebook } from '../notebooks';
import { sha256Hex } from '../blobs/store'; // not '../blobs': the worker thread loads no database code
import { findImpossibleImage } from '../extract/check-image-size';
import { extractVisualisations, type ExtractedVisualisation } from '../extract/extract-visualisations';
import { imageSize } from '../extract/image-size';
import { markdownContext } from '../extract/markdown-context';
import { notebookTitle } from './notebook-title';
import type { ImportResult } from './types';

/** A cell row as `insert into cells` takes it, outputs and metadata already serialised. */
export interface CellRow {
  position: number;
  cell_type: string;
  source: string;
  execution_count: number | null;
  outputs: string;
  metadata: string;
}

export interface ImageRow {
  sha256: string;
  mime: string;
  size: number;
  /** Null once the worker thread that prepared it wrote it to the blob folder (prepare-worker.ts). */
  bytes: Uint8Array | null;
  width: number | null;
  height: number | null;
}

/**
 * A visualisation row but for the ids the database gives (notebook, cell). The spec is serialised here,
 * as the cells' outputs are: in a worker thread, and a string crosses to the main thread for less than
 * the object graph of a plotly figure would.
 */
export type VisualisationRow = Required<Pick<NewVisualisation, 'cellPosition' | 'outputIndex' | 'kind' | 'mime' | 'mimes' | 'contextBefore' | 'hasContext'>> & {
  blobSha256: string | null;
  spec: string | null;
  contextAfter: number | null;
};

/**
 * Everything an import computes before it touches the database, as plain data (structured-clonable,
 * so a worker thread can hand it back): the rows to insert, or why the file fails.
 */
export type PreparedNotebook =
  | { kind: 'failed'; contentHash: string; code: string; message: string; where: string | null }
  | { kind: 'rejected'; contentHash: string; values: Omit<NewNotebook, 'status'>; reason: string }
  | {
      kind: 'ready';
      contentHash: string;
      values: Omit<NewNotebook, 'status'>;
      cells: CellRow[];
      images: ImageRow[]; // distinct, in hash order (two imports then lock shared blob rows in one order)
      /** Set by a worker thread that wrote the images itself: the hashes it stored anew. */
      blobsWritten?: string[];
      visualisations: VisualisationRow[];
      summary: Pick<ImportResult, 'cells' | 'visualisations'>;
    };

/**
 * The CPU part of an import, pure (no database, no files): hash, parse and validate, extract the
 * visualisations (base64 decoded, hashed), and build every row. It runs in a worker thread for batches
 * (prepare-pool.ts) and in the caller's thread for single notebooks.
 */
export function prepareNotebook(file: string, bytes: Uint8Array, contentHash = sha256Hex(bytes)): PreparedNotebook {
  let nb: ParsedNotebook;
  try {
    nb = parseNotebook(bytes);
  } catch (e) {
    if (!(e instanceof NotebookError)) throw e;
    return { kind: 'failed', contentHash, code: e.code, message: e.message, where: e.where };
  }
  const values = {
    contentHash,
    fileName: file,
    title: notebookTitle(nb, file),
    originalNbformat: nb.originalNbformat,
    nbformatMinor: nb.nbformatMinor,
    language: nb.language,
    kernelName: nb.kernelName,
    bytes: bytes.length,
    metadata: nb.metadata,
  };
  const language = checkLanguage(nb);
  if (!language.ok) return { kind: 'rejected', contentHash, values, reason: language.reason };

  const found = extractVisualisations(nb.cells);
  const impossible = findImpossibleImage(found);
  if (impossible) return { kind: 'failed', contentHash, code: 'image', message: impossible.message, where: impossible.where };

  const counts = countCells(nb);
  return {
    kind: 'ready',
    contentHash,
    values: { ...values, ...countColumns(counts, found.length) },
    cells: cellRows(nb),
    images: imageRows(found),
    visualisations: found.map((v) => visualisationRow(nb, v)),
    summary: { cells: cellSummary(counts), visualisations: { total: found.length, byMime: byMime(found) } },
  };
}

function cellRows(nb: ParsedNotebook): CellRow[] {
  return nb.cells.map((c, position) => ({
    position,
    cell_type: c.cell_type,
    source: c.source,
    execution_count: c.execution_count,
    outputs: JSON.stringify(c.outputs),
    metadata: JSON.stringify(c.attachments ? { ...c.metadata, attachments: c.attachments } : c.metadata),
  }));
}

function imageRows(found: ExtractedVisualisation[]): ImageRow[] {
  const images = new Map<string, ImageRow>();
  for (const { image } of found) {
    if (!image || images.has(image.sha256)) continue;
    const size = imageSize(image.mime, image.bytes);
    images.set(image.sha256, { sha256: image.sha256, mime: image.mime, size: image.bytes.length, bytes: image.bytes, width: size?.width ?? null, height: size?.height ?? null });
  }
  return [...images.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
}

function visualisationRow(nb: ParsedNotebook, v: ExtractedVisualisation): VisualisationRow {
  const context = markdownContext(nb.cells, v.cellPosition);
  return {
    cellPosition: v.cellPosition,
    outputIndex: v.outputIndex,
    kind: v.kind,
    mime: v.mime,
    mimes: v.mimes,
    blobSha256: v.image?.sha256 ?? null,
    spec: v.spec === null || v.spec === undefined ? null : JSON.stringify(v.spec),
    // No library here: the analysis engine labels it (visualisation_labels.library, lib/analysis-store).
    contextBefore: context.before,
    contextAfter: context.after,
    hasContext: context.before.length > 0 || context.after !== null,
  };
}

export function countCells(nb: ParsedNotebook) {
  const counts = { code: 0, markdown: 0, raw: 0, headings: 0, errors: 0 };
  for (const c of nb.cells) {
    if (c.cell_type === 'markdown' && V3_HEADING_KEY in c.metadata) counts.headings++;
    else counts[c.cell_type]++;
    for (const o of c.outputs) if (o.output_type === 'error') counts.errors++;
  }
  return counts;
}

function countColumns(counts: ReturnType<typeof countCells>, visualisationCount: number) {
  return {
    codeCells: counts.code,
    markdownCells: counts.markdown,
    rawCells: counts.raw,
    headingCells: counts.headings,
    errorOutputs: counts.errors,
    visualisationCount,
  };
}

export function cellSummary(c: { code: number; markdown: number; raw: number; headings: number }): ImportResult['cells'] {
  return c.headings ? { code: c.code, markdown: c.markdown, raw: c.raw, headings: c.headings } : { code: c.code, markdown: c.markdown, raw: c.raw };
}

function byMime(found: ExtractedVisualisation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of found) out[v.mime] = (out[v.mime] ?? 0) + 1;
  return out;
}
