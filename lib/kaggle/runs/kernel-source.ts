import type { Candidate } from '../sampling';
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

/**
 * Where a run finds notebooks: the Kaggle API or an imported Meta Kaggle. The run logic is the
 * same for both; only listing candidates and fetching one differ.
 */
export interface KernelSource {
  candidates(definition: StrategyDefinition, onProgress: (found: number) => Promise<void>): Promise<KernelCandidate[]>;
  fetch(item: { ref: string; kernelVersionId: number | null; metadata: Record<string, unknown> }): Promise<FetchedKernel>;
}
