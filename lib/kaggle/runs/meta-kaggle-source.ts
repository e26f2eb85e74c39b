import fs from 'node:fs';
import type { Db } from '../../db/client';
import { metaKaggleCodePath } from '../meta-kaggle/code-path';
import { countMetaKaggle, selectFromMetaKaggle, type SelectedKernel } from '../meta-kaggle/select-kernels';
import type { StrategyDefinition } from '../strategy-schema';
import type { KernelCandidate, KernelSource } from './kernel-source';

/**
 * Imported Meta Kaggle tables: the sample is drawn in SQL (lib/kaggle/meta-kaggle/select-kernels.ts),
 * the notebooks read from a Meta Kaggle Code folder by kernel version id.
 */
export function metaKaggleSource(db: Db, codeFolder: string): KernelSource {
  return {
    async draw(def, onProgress) {
      const filters = { language: def.filters.language, search: def.filters.search, user: def.filters.user };
      // Counted in SQL: the matching kernels themselves (possibly the whole dump) never leave the database.
      const found = await countMetaKaggle(db, def.scope, filters);
      await onProgress(found);
      const sample = await selectFromMetaKaggle(db, { scope: def.scope, sampling: samplingOf(def), filters }, def.seed);
      return { found, sample: sample.map(candidateOf) };
    },

    async fetch(item) {
      if (!item.kernelVersionId) throw new Error(`${item.ref}: Meta Kaggle has no current version for this kernel`);
      const file = metaKaggleCodePath(codeFolder, item.kernelVersionId);
      if (!fs.existsSync(file)) {
        throw new Error(`${item.ref}: ${file} is not in the Meta Kaggle Code folder (set VIZMINE_META_KAGGLE_CODE to where it is)`);
      }
      return { bytes: fs.readFileSync(file), storedForm: 'meta-kaggle-code' };
    },
  };
}

function samplingOf(def: StrategyDefinition) {
  const s = def.sampling;
  return s.kind === 'top-percent' ? { ...s, within: 'competition' as const } : s.kind === 'stratified' ? { ...s, per: 'competition' as const } : s;
}

function candidateOf(k: SelectedKernel): KernelCandidate & { rank: number } {
  return {
    ref: k.ref,
    votes: k.votes,
    competition: k.competition,
    kernelId: k.kernelId,
    kernelVersionId: k.kernelVersionId,
    title: k.title,
    author: k.author,
    rank: k.rank,
    metadata: { id: k.kernelId, kernelVersionId: k.kernelVersionId, title: k.title, author: k.author, totalVotes: k.votes, medal: k.medal, language: k.language, competitionDataSources: k.competition ? [k.competition] : [] },
  };
}
