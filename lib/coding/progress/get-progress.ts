import type { Db } from '../../db/client';
import { agreementOverTime } from '../agreement/agreement-over-time';
import { computeSaturation } from '../saturation';
import { coderProgress } from './coder-progress';
import { countFunnel } from './count-funnel';

/**
 * Everything the supervisor dashboard shows for a study, computed afresh (the page polls it): the
 * funnel, each coder's throughput and items left, agreement over time, codebook size and saturation.
 */
export async function getProgress(db: Db, studyId: number, opts: { batchSize?: number } = {}) {
  const batchSize = opts.batchSize ?? 10;
  const [funnel, coders, agreement, saturation] = await Promise.all([
    countFunnel(db, studyId),
    coderProgress(db, studyId),
    agreementOverTime(db, { studyId }),
    computeSaturation(db, studyId, batchSize),
  ]);
  return { studyId, funnel, coders, agreement, saturation: { batchSize, points: saturation } };
}
