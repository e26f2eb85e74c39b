import type { JobDefinition } from './definition';
import { analyse } from './definitions/analyse';
import { collect } from './definitions/collect';
import { derivatives } from './definitions/derivatives';
import { reanalyse } from './definitions/reanalyse';
import { reproduceContainer, reproduceHost } from './definitions/reproduce';

// Every kind of background work. A worker serves the ones named by `--queues` (all by default).
export const JOB_DEFINITIONS: ReadonlyArray<JobDefinition<any>> = [collect, reproduceContainer, reproduceHost, analyse, reanalyse, derivatives];

/** Queue groups a worker is given concurrency for: `reproduce` covers one queue per executor. */
export const QUEUE_GROUPS: Record<string, string[]> = {
  collect: [collect.name],
  reproduce: [reproduceContainer.name, reproduceHost.name],
  analyse: [analyse.name],
  reanalyse: [reanalyse.name],
  derivatives: [derivatives.name],
};

export const ALL_QUEUE_NAMES: string[] = JOB_DEFINITIONS.map((d) => d.name);

export function definitionOf(queue: string): JobDefinition<any> | undefined {
  return JOB_DEFINITIONS.find((d) => d.name === queue);
}

/** Parses `reproduce:2,analyse:1` into group → concurrency; a group without a number gets `fallback`. */
export function parseQueues(spec: string, fallback: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, n] = part.split(':');
    if (!QUEUE_GROUPS[name]) throw new Error(`unknown queue "${name}" (known: ${Object.keys(QUEUE_GROUPS).join(', ')})`);
    const c = n === undefined ? fallback : Number(n);
    if (!Number.isInteger(c) || c < 1) throw new Error(`bad concurrency "${n}" for queue ${name}`);
    out.set(name, c);
  }
  if (out.size === 0) throw new Error('name at least one queue');
  return out;
}
