import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { kaggleKernels, notebooks, type runItems } from '../../db/schema';
import type { FetchedKernel } from './kernel-source';
import { plainText } from '../../text/plain-text';

type Meta = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : str((x as Meta)?.ref) ?? str((x as Meta)?.slug))).filter((x): x is string => Boolean(x)) : []);

/**
 * Stores a collected notebook's Kaggle metadata (ApiKernelMetadata or Meta Kaggle fields) and gives
 * the notebook its Kaggle title. Called in the transaction that records the run item's outcome.
 */
export async function recordKernel(db: Db, notebookId: number, item: typeof runItems.$inferSelect, fetched: FetchedKernel): Promise<void> {
  const m: Meta = { ...item.metadata, ...(fetched.metadata ?? {}) };
  const competitions = strings(m.competitionDataSources);
  const values = {
    notebookId,
    ref: item.ref,
    kernelId: num(m.id) ?? item.kernelId,
    kernelVersionId: num(m.kernelVersionId) ?? item.kernelVersionId,
    title: str(m.title) ?? item.title,
    author: str(m.author) ?? item.author,
    votes: num(m.totalVotes) ?? item.votes,
    versionNumber: num(m.currentVersionNumber) ?? num(m.versionNumber),
    lastRunTime: str(m.lastRunTime) ? new Date(str(m.lastRunTime)!) : null,
    language: str(m.language),
    dockerImage: str(m.dockerImage),
    competitions: competitions.length ? competitions : item.competition ? [item.competition] : [],
    datasets: strings(m.datasetDataSources),
    medal: str(m.medal),
    storedForm: fetched.storedForm,
    source: fetched.storedForm === 'meta-kaggle-code' ? ('meta-kaggle' as const) : ('api' as const),
  };
  await db.insert(kaggleKernels).values(values).onConflictDoUpdate({ target: kaggleKernels.notebookId, set: values });
  if (values.title) await db.update(notebooks).set({ title: plainText(values.title) }).where(eq(notebooks.id, notebookId));
}
