// One uploaded notebook analysed in memory, nothing stored: the report /analyse shows and downloads.
// Parsing refuses what import refuses (lib/notebooks: size, depth, bad base64, hostile images), the
// language check too; the figures' images come from the notebook's own bytes as data: URLs.
import { analyseNotebook, type NotebookFacts, type VisualisationAnalysis } from '../analysis';
import { AppError } from '../errors';
import { staticFlags, type StaticFlags } from '../execute/static-flags';
import { checkLanguage, parseNotebook, type NbCell } from '../notebooks';

// Analysis runs inside the request: a smaller cap than import's (which runs in the background).
export const MAX_ANALYSE_BYTES = Number(process.env.VIZMINE_ANALYSE_MAX_BYTES ?? 50 * 1024 * 1024);

export interface ReportFigure extends VisualisationAnalysis {
  /** data: URL of the figure's picture (from the notebook itself), or null for HTML/JSON figures. */
  image: string | null;
}

export interface AnalysisReport {
  fileName: string;
  analysedAt: string;
  cells: { total: number; code: number; markdown: number };
  notebook: NotebookFacts;
  figures: ReportFigure[];
  reproducibility: StaticFlags;
}

export async function analyseUpload(fileName: string, bytes: Uint8Array): Promise<AnalysisReport> {
  if (bytes.byteLength > MAX_ANALYSE_BYTES) {
    throw new AppError('bad_request', `${fileName} is ${(bytes.byteLength / 1e6).toFixed(1)} MB; notebooks analysed here may be up to ${(MAX_ANALYSE_BYTES / 1e6).toFixed(0)} MB (import larger ones instead).`);
  }
  const nb = parseNotebook(bytes, { maxBytes: MAX_ANALYSE_BYTES });
  const language = checkLanguage(nb);
  if (!language.ok) throw new AppError('bad_request', `${fileName}: ${language.reason}`);
  const analysis = await analyseNotebook(nb, { fileName });
  return {
    fileName,
    analysedAt: new Date().toISOString(),
    cells: { total: nb.cells.length, code: count(nb.cells, 'code'), markdown: count(nb.cells, 'markdown') },
    notebook: analysis.notebook,
    figures: analysis.visualisations.map((v) => ({ ...v, image: imageOf(nb.cells[v.cell], v.output, v.mime) })),
    reproducibility: staticFlags(nb.cells.map((c) => ({ cellType: c.cell_type, executionCount: c.execution_count, source: c.source }))),
  };
}

const count = (cells: NbCell[], type: string) => cells.filter((c) => c.cell_type === type).length;

const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function imageOf(cell: NbCell | undefined, output: number, mime: string): string | null {
  const value = cell?.outputs[output]?.data?.[mime];
  if (typeof value !== 'string') return null;
  if (RASTER.has(mime)) return `data:${mime};base64,${value.replace(/\s+/g, '')}`;
  // An SVG as an <img> source runs no script and loads nothing.
  if (mime === 'image/svg+xml') return `data:image/svg+xml;base64,${Buffer.from(value).toString('base64')}`;
  return null;
}
