import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assignments, codings, consensusCodings, kaggleKernels, notebooks, sampleItems, samples, users, visualisations, type Region } from '../db/schema';
import { csvField } from '../csv/csv-field';
import { readCodePaths } from './agreement/code-paths';

/** One row per coding, the columns `vizmine agreement` reads (lib/agreement/read-codings.ts). */
export interface CodingRow {
  item: string; // the sample item's id
  notebook_ref: string; // Kaggle "owner/slug" when known, else the notebook's file name
  cell: number; // position of the cell that generated the visualisation
  coder: string; // the coder's e-mail (user id if the account is gone); for consensus rows, who recorded it
  code_path: string; // "Category/Code"; empty: the coder submitted the item with no code
  region: Region | null;
  memo: string;
  time: string; // ISO 8601
  kind: 'individual' | 'consensus';
}

export const CODING_COLUMNS = ['item', 'notebook_ref', 'cell', 'coder', 'code_path', 'region', 'memo', 'time', 'kind'] as const;

export interface CodingScope {
  studyId: number;
  sampleId?: number;
}

/**
 * The codings of a study (or one of its samples). Individual codings count only once their coder
 * submitted the item — drafts are not data — and a submitted item with no code becomes one row with
 * an empty code_path, so "nothing applies" is kept as an answer. Consensus rows follow (kind column).
 */
export async function exportCodings(db: Db, scope: CodingScope): Promise<CodingRow[]> {
  const inScope: SQL[] = [eq(samples.studyId, scope.studyId)];
  if (scope.sampleId !== undefined) inScope.push(eq(samples.id, scope.sampleId));
  const paths = await readCodePaths(db, scope.studyId);
  const context = {
    item: sampleItems.id,
    cell: visualisations.cellPosition,
    ref: kaggleKernels.ref,
    fileName: notebooks.fileName,
  };
  const individual = await db
    .select({ ...context, coder: assignments.userId, email: users.email, submittedAt: assignments.submittedAt, codeId: codings.codeId, region: codings.region, memo: codings.memo, at: codings.createdAt })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(kaggleKernels, eq(kaggleKernels.notebookId, notebooks.id))
    .leftJoin(users, eq(users.id, assignments.userId))
    .leftJoin(codings, and(eq(codings.sampleItemId, assignments.sampleItemId), eq(codings.userId, assignments.userId)))
    .where(and(...inScope, eq(assignments.status, 'submitted')))
    .orderBy(asc(sampleItems.id), asc(assignments.userId), asc(codings.id));
  const consensus = await db
    .select({ ...context, coder: consensusCodings.decidedBy, email: users.email, codeId: consensusCodings.codeId, region: consensusCodings.region, memo: consensusCodings.memo, at: consensusCodings.createdAt })
    .from(consensusCodings)
    .innerJoin(sampleItems, eq(sampleItems.id, consensusCodings.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(kaggleKernels, eq(kaggleKernels.notebookId, notebooks.id))
    .leftJoin(users, eq(users.id, consensusCodings.decidedBy))
    .where(and(...inScope))
    .orderBy(asc(sampleItems.id), asc(consensusCodings.id));

  type Joined = { item: number; cell: number; ref: string | null; fileName: string; coder: string; email: string | null; codeId: number | null; region: Region | null; memo: string | null };
  const row = (r: Joined, kind: CodingRow['kind'], at: Date | null): CodingRow => ({
    item: String(r.item),
    notebook_ref: r.ref ?? r.fileName,
    cell: r.cell,
    coder: r.email ?? r.coder,
    code_path: r.codeId === null ? '' : (paths.get(r.codeId) ?? `#${r.codeId}`),
    region: r.region ?? null,
    memo: r.memo ?? '',
    time: (at ?? new Date(0)).toISOString(),
    kind,
  });
  return [
    ...individual.map((r) => row(r, 'individual', r.at ?? r.submittedAt)),
    ...consensus.map((r) => row(r, 'consensus', r.at)),
  ];
}

/** The rows as CSV (RFC 4180, CRLF), region as JSON. */
export function codingsToCsv(rows: CodingRow[]): string {
  const lines = [CODING_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(CODING_COLUMNS.map((c) => csvField(c === 'region' ? (r.region ? JSON.stringify(r.region) : '') : r[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
