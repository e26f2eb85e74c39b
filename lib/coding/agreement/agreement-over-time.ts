import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples, users } from '../../db/schema';
import { agreementReport, type Figures } from '../../agreement/codings-report';
import { exportCodings, type CodingRow, type CodingScope } from '../export-codings';
import { codingsForAgreement } from './compute-agreement';

export interface AgreementPoint extends Figures {
  date: string; // YYYY-MM-DD, the bucket's last day (UTC)
}

const DAY = 86_400_000;

/**
 * The overall agreement over the codings submitted up to the end of each day (or week, when the
 * coding spans more than 60 days), for the days on which something was submitted: how agreement
 * evolved as the codebook settled. `codings`: the scope's export, when the caller already has it.
 */
export async function agreementOverTime(db: Db, scope: CodingScope, codings?: CodingRow[]): Promise<AgreementPoint[]> {
  const where: SQL[] = [eq(samples.studyId, scope.studyId), eq(assignments.status, 'submitted'), isNotNull(assignments.submittedAt)];
  if (scope.sampleId !== undefined) where.push(eq(samples.id, scope.sampleId));
  const submitted = await db
    .select({ item: assignments.sampleItemId, userId: assignments.userId, email: users.email, at: assignments.submittedAt })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .leftJoin(users, eq(users.id, assignments.userId))
    .where(and(...where));
  if (submitted.length === 0) return [];
  // Keyed as the export names coders (e-mail, else user id).
  const when = new Map(submitted.map((s) => [JSON.stringify([String(s.item), s.email ?? s.userId]), s.at!.getTime()]));
  const dated = codingsForAgreement(codings ?? (await exportCodings(db, scope))).map((c) => ({ ...c, at: when.get(JSON.stringify([c.item, c.coder])) ?? 0 }));

  const times = submitted.map((s) => s.at!.getTime());
  const first = Math.floor(Math.min(...times) / DAY) * DAY;
  const last = Math.floor(Math.max(...times) / DAY) * DAY;
  const step = last - first > 60 * DAY ? 7 * DAY : DAY;
  const ends = [...new Set(times.map((t) => first + Math.floor((Math.floor(t / DAY) * DAY - first) / step) * step + step))].sort((a, b) => a - b);
  return ends
    .map((end) => ({ date: new Date(end - DAY).toISOString().slice(0, 10), ...agreementReport(dated.filter((c) => c.at < end)).overall }))
    .filter((p) => p.items > 0);
}
