import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { samples, studies } from '../../db/schema';
import { AppError } from '../../errors';
import { agreementReport, type AgreementReport, type Coding } from '../../agreement/codings-report';
import { exportCodings, type CodingRow, type CodingScope } from '../export-codings';
import { visibleRows, type AggregateScope } from '../queue/blind-items';

/**
 * The agreement codings of the CLI's reader, from export rows: consensus rows left out, an empty
 * code_path is "submitted, no code" — exactly what readCodingsCsv makes of the CSV, so page and CLI agree.
 */
export function codingsForAgreement(rows: CodingRow[]): Coding[] {
  return rows.filter((r) => r.kind === 'individual').map((r) => ({ item: r.item, coder: r.coder, code: r.code_path || null }));
}

export interface AgreementPage {
  study: { id: number; name: string };
  samples: { id: number; name: string; overall: AgreementReport['overall'] }[];
  sampleId: number | null;
  report: AgreementReport;
}

/**
 * The agreement page's figures for a study or one of its samples: the same report `vizmine agreement`
 * prints for the codings export of that scope, plus each sample's overall figures for the picker.
 * `visible`: the blind rule for aggregates — items the viewer may not know about yet are left out.
 */
export async function computeAgreement(db: Db, scope: CodingScope, visible?: AggregateScope): Promise<AgreementPage> {
  const [study] = await db.select({ id: studies.id, name: studies.name }).from(studies).where(eq(studies.id, scope.studyId));
  if (!study) throw new AppError('not_found', `There is no study ${scope.studyId}.`);
  const list = await db.select({ id: samples.id, name: samples.name }).from(samples).where(eq(samples.studyId, scope.studyId)).orderBy(asc(samples.id));
  if (scope.sampleId !== undefined && !list.some((s) => s.id === scope.sampleId)) {
    throw new AppError('not_found', `Study ${scope.studyId} has no sample ${scope.sampleId}.`);
  }
  const [all, sampleOf] = await Promise.all([exportCodings(db, { studyId: scope.studyId }), itemSamples(db, scope.studyId)]);
  const rows = visibleRows(all, visible);
  const forSample = (id: number) => rows.filter((r) => sampleOf.get(r.item) === id);
  const report = agreementReport(codingsForAgreement(scope.sampleId === undefined ? rows : forSample(scope.sampleId)));
  return {
    study,
    samples: list.map((s) => ({ ...s, overall: agreementReport(codingsForAgreement(forSample(s.id))).overall })),
    sampleId: scope.sampleId ?? null,
    report,
  };
}

/** sample item id (as the export writes it, text) → sample id, for one study. */
async function itemSamples(db: Db, studyId: number): Promise<Map<string, number>> {
  const rows = await db.execute<{ item: string; sample_id: number }>(
    sql`select si.id::text as item, si.sample_id from sample_items si join samples s on s.id = si.sample_id where s.study_id = ${studyId}`,
  );
  return new Map(rows.map((r) => [r.item, Number(r.sample_id)]));
}
