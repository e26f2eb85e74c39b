import type { StrategyDefinition } from './strategy-schema';
import type { KernelSource } from './runs/kernel-source';

/** How many notebooks a strategy matches and samples, and the first of them — nothing downloaded. */
export async function previewStrategy(source: KernelSource, definition: StrategyDefinition, limit = 25) {
  const { found, sample } = await source.draw(definition, async () => {});
  return {
    found,
    sampled: sample.length,
    competitions: [...new Set(sample.map((s) => s.competition).filter(Boolean))],
    first: sample.slice(0, limit).map(({ metadata: _m, ...rest }) => rest),
  };
}
