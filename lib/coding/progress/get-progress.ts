import type { Db } from '../../db/client';
import { agreementOverTime } from '../agreement/agreement-over-time';
import { exportCodings } from '../export-codings';
import { visibleRows, type AggregateScope } from '../queue/blind-items';
import { computeSaturation } from '../saturation';
import { coderProgress } from './coder-progress';
import { countFunnel } from './count-funnel';

/**
 * Everything the supervisor dashboard shows for a study, computed afresh (the page polls it): the
 * funnel, each coder's throughput and items left, agreement over time, codebook size and saturation.
 */
export async function getProgress(db: Db, studyId: number, opts: { batchSize?: number; visible?: AggregateScope } = {}) {
  const batchSize = opts.batchSize ?? 10;
  // The funnel and agreement over time both read the codings export, the heaviest query here: once.
  // Blind items the viewer may not know about yet are left out of every aggregate.
  const codings = visibleRows(await exportCodings(db, { studyId }), opts.visible);
  const [funnel, coders, agreement, saturation] = await Promise.all([
    countFunnel(db, studyId, codings),
    coderProgress(db, studyId),
    agreementOverTime(db, { studyId }, codings),
    computeSaturation(db, studyId, batchSize, opts.visible),
  ]);
  return { studyId, funnel, coders, agreement, saturation: { batchSize, points: saturation } };
}
