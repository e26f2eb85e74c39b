import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codes } from '../../db/schema';
import { readCodePaths } from '../agreement/code-paths';
import { exportCodings, type CodingScope } from '../export-codings';
import { visibleRows, type AggregateScope } from '../queue/blind-items';
import { machineFigures, type FieldFigures, type HumanCoding, type LabelField } from './machine-coder';

/** code path → the label it stands for, for the study's mapped codes. */
export async function readLabelMapping(db: Db, studyId: number): Promise<Map<string, { field: LabelField; value: string }>> {
  const [paths, rows] = await Promise.all([
    readCodePaths(db, studyId),
    db
      .select({ id: codes.id, field: codes.labelField, value: codes.labelValue })
      .from(codes)
      .where(and(eq(codes.studyId, studyId), isNotNull(codes.labelField), isNotNull(codes.labelValue))),
  ]);
  return new Map(rows.map((r) => [paths.get(r.id)!, { field: r.field!, value: r.value! }]));
}

/**
 * The machine as a coder for a study (or sample): its stored labels against consensus and each
 * coder. `visible`: the same blind rule as every aggregate — items the viewer may not know about yet are left out.
 */
export async function machineAgreement(db: Db, scope: CodingScope, visible?: AggregateScope): Promise<{ fields: FieldFigures[]; labelled: number }> {
  const mapping = await readLabelMapping(db, scope.studyId);
  if (mapping.size === 0) return { fields: [], labelled: 0 };
  const rows = visibleRows(await exportCodings(db, scope), visible);
  const humans = new Map<string, HumanCoding>();
  for (const r of rows) {
    const who = r.kind === 'consensus' ? 'consensus' : r.coder;
    const key = JSON.stringify([r.item, who]);
    if (!humans.has(key)) humans.set(key, { item: r.item, who, codePaths: [] });
    if (r.code_path) humans.get(key)!.codePaths.push(r.code_path);
  }
  const labels = await db.execute<{ item: string; chart_type: string; ml_stage: string }>(sql`
    select si.id::text as item, vl.chart_type, vl.ml_stage
    from sample_items si
    join samples s on s.id = si.sample_id
    join visualisation_labels vl on vl.visualisation_id = si.visualisation_id
    where s.study_id = ${scope.studyId}`);
  const machine = new Map(labels.map((l) => [l.item, { chartType: l.chart_type, mlStage: l.ml_stage }]));
  return { fields: machineFigures([...humans.values()], machine, mapping), labelled: machine.size };
}
