// analyseStoredNotebook: one stored notebook analysed and its results written, replacing the old ones
// in one transaction (readers see either the old or the new results, never a mix). The job system
// (lib/jobs) calls this after import, collection and reproduction, and on a version change.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notebookAnalyses, notebooks, visualisationLabels, visualisations } from '../db/schema';
import { analyseNotebook, type NotebookAnalysis } from '../analysis';
import { loadStoredNotebook } from './load-notebook';
import { ANALYSER_VERSION } from './version';

export interface AnalyseStoredOptions {
  /** Read images (OCR, panel count) where the code leaves a label open; needs blobDir. Default off. */
  ocr?: boolean;
  blobDir?: string;
  /** Stored with the results; ANALYSER_VERSION unless a test says otherwise. */
  version?: string;
}

export interface AnalyseStoredResult {
  status: 'analysed' | 'failed' | 'skipped';
  /** Figures the engine found. */
  visualisations: number;
  /** Of those, the ones matched to a stored visualisation and labelled. */
  labelled: number;
  /** Engine figures with no stored visualisation at the same cell and output (should be 0). */
  unmatched?: number;
  error?: string;
}

export async function analyseStoredNotebook(db: Db, notebookId: number, opts: AnalyseStoredOptions = {}): Promise<AnalyseStoredResult> {
  const version = opts.version ?? ANALYSER_VERSION;
  const [nb] = await db.select({ status: notebooks.status }).from(notebooks).where(eq(notebooks.id, notebookId));
  // A rejected (non-Python) notebook has no cells to read: nothing is stored for it.
  if (!nb || nb.status !== 'imported') return { status: 'skipped', visualisations: 0, labelled: 0 };
  let loaded: NonNullable<Awaited<ReturnType<typeof loadStoredNotebook>>>;
  let analysis: NotebookAnalysis;
  // What the stored notebook holds (read back, then analysed) can fail; the database writes may not.
  try {
    loaded = (await loadStoredNotebook(db, notebookId, { images: opts.ocr, blobDir: opts.blobDir }))!;
    analysis = await analyseNotebook(loaded.parsed, { ocr: opts.ocr && !!opts.blobDir, fileName: loaded.notebook.fileName });
  } catch (e) {
    const error = (e as Error).message || String(e);
    await writeFailure(db, notebookId, version, error);
    return { status: 'failed', visualisations: 0, labelled: 0, error };
  }
  const stored = await db
    .select({ id: visualisations.id, cell: visualisations.cellPosition, output: visualisations.outputIndex })
    .from(visualisations)
    .where(eq(visualisations.notebookId, notebookId));
  const idOf = new Map(stored.map((v) => [`${v.cell}:${v.output}`, v.id]));
  const labels = analysis.visualisations.flatMap((v) => {
    const visualisationId = idOf.get(`${v.cell}:${v.output}`);
    if (visualisationId === undefined) return [];
    return [{
      visualisationId,
      notebookId,
      analyserVersion: version,
      chartType: v.chartType,
      library: v.library,
      mlStage: v.mlStage,
      multiPanel: v.multiPanel,
      confidence: v.confidence,
      evidence: v.evidence,
      slice: v.slice,
      usedOcr: v.usedOcr,
    }];
  });
  const sentences = analysis.visualisations.map((v) => ({ cell: v.cell, output: v.output, sentences: v.sentences }));
  await db.transaction(async (tx) => {
    // Two analyses of one notebook at once (an analyse job beside a re-analysis) take turns: without
    // the lock both delete nothing, both insert, and the second fails on the labels' key.
    await tx.select({ id: notebooks.id }).from(notebooks).where(eq(notebooks.id, notebookId)).for('no key update');
    await tx.delete(visualisationLabels).where(eq(visualisationLabels.notebookId, notebookId));
    if (labels.length) await tx.insert(visualisationLabels).values(labels);
    const row = {
      analyserVersion: version,
      status: 'analysed' as const,
      error: null,
      result: { ...analysis.notebook, figureSentences: sentences } as Record<string, unknown>,
      testingProperties: [...new Set(analysis.notebook.testingMentions.map((m) => m.property))],
      imports: analysis.imports,
      analysedAt: new Date(),
    };
    await tx.insert(notebookAnalyses).values({ notebookId, ...row }).onConflictDoUpdate({ target: notebookAnalyses.notebookId, set: row });
  });
  const unmatched = analysis.visualisations.length - labels.length;
  return { status: 'analysed', visualisations: analysis.visualisations.length, labelled: labels.length, unmatched };
}

async function writeFailure(db: Db, notebookId: number, version: string, error: string): Promise<void> {
  // Old labels stay: a failed re-analysis should not leave the figures without any labels.
  const row = { analyserVersion: version, status: 'failed' as const, error: error.slice(0, 2000), analysedAt: new Date() };
  await db.insert(notebookAnalyses).values({ notebookId, ...row }).onConflictDoUpdate({ target: notebookAnalyses.notebookId, set: row });
}
