import { describe, expect, it } from 'vitest';
import { ALL_QUEUE_NAMES, JOB_DEFINITIONS, parseQueues, QUEUE_GROUPS } from './registry';

describe('the job registry', () => {
  it('parses --queues into group concurrencies', () => {
    expect([...parseQueues('reproduce:2,analyse:1, derivatives', 3)]).toEqual([['reproduce', 2], ['analyse', 1], ['derivatives', 3]]);
  });
  it('refuses unknown queues and bad concurrencies', () => {
    expect(() => parseQueues('thumbs:1', 1)).toThrow(/unknown queue "thumbs"/);
    expect(() => parseQueues('analyse:0', 1)).toThrow(/bad concurrency/);
    expect(() => parseQueues('', 1)).toThrow(/at least one/);
  });
  it('puts every definition in exactly one group, with its own singleton key per payload', () => {
    expect(Object.values(QUEUE_GROUPS).flat().sort()).toEqual([...ALL_QUEUE_NAMES].sort());
    const analyse = JOB_DEFINITIONS.find((d) => d.name === 'analyse')!;
    expect(analyse.singletonKey({ notebookId: 7 })).toBe('analyse:7');
    expect(() => analyse.payload.parse({ notebookId: -1 })).toThrow();
    const collect = JOB_DEFINITIONS.find((d) => d.name === 'collect')!;
    expect(collect.singletonKey({ runId: 5 })).toBe('collect:5');
    expect(QUEUE_GROUPS.collect).toEqual(['collect']);
    expect([...parseQueues('collect:1,reproduce:2', 1)]).toEqual([['collect', 1], ['reproduce', 2]]);
  });
});
