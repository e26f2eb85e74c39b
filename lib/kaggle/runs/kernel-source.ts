import type { Candidate, Sampled } from '../sampling';
import type { StrategyDefinition } from '../strategy-schema';

/** A candidate notebook with the Kaggle metadata we store beside it. */
export interface KernelCandidate extends Candidate {
  kernelVersionId?: number | null;
  title?: string | null;
  author?: string | null;
  metadata: Record<string, unknown>;
}

export interface FetchedKernel {
  bytes: Uint8Array;
  storedForm: 'source' | 'with-outputs' | 'meta-kaggle-code';
  /** Metadata known only once fetched (e.g. GetKernel's), merged over the candidate's. */
  metadata?: Record<string, unknown>;
}

export interface Draw {
  found: number; // notebooks the filters and scope match
  sample: Sampled<KernelCandidate>[]; // those the sampling rule selects, ranked
}

/**
 * Where a run finds notebooks: the Kaggle API or an imported Meta Kaggle. The run logic is the
 * same for both; only drawing the sample and fetching one notebook differ.
 */
export interface KernelSource {
  draw(definition: StrategyDefinition, onProgress: (found: number) => Promise<void>): Promise<Draw>;
  fetch(item: { ref: string; kernelVersionId: number | null; metadata: Record<string, unknown> }): Promise<FetchedKernel>;
}
