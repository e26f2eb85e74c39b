import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * How a notebook is identified wherever it is listed, headed or exported: its Kaggle ref
 * (`owner/slug`, linked to kaggle.com) when it was collected from Kaggle, else its file name relative
 * to the folder or zip it was imported from. Pure: pages, exports and the CLI share it.
 */
export interface NotebookIdentity {
  /** `owner/slug` or the relative file name. */
  ref: string;
  /** The notebook on kaggle.com, for a Kaggle ref. */
  href: string | null;
}

export function notebookIdentity(n: { fileName: string; kaggleRef?: string | null }): NotebookIdentity {
  if (n.kaggleRef) return { ref: n.kaggleRef, href: `https://www.kaggle.com/code/${n.kaggleRef.split('/').map(encodeURIComponent).join('/')}` };
  return { ref: n.fileName, href: null };
}

/** The notebook's Kaggle ref, or null: kaggle_kernels holds at most one row per notebook. */
export function kaggleRefOf(notebookId: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select k.ref from kaggle_kernels k where k.notebook_id = ${notebookId})`;
}

/** The identity as one string, for exports and disagreement lists: the Kaggle ref, else the file name. */
export function notebookRefOf(notebookId: AnyColumn | SQL, fileName: AnyColumn | SQL): SQL<string> {
  return sql<string>`coalesce(${kaggleRefOf(notebookId)}, ${fileName})`;
}
