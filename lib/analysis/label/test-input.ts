// Builders for the labeller's tests: resolved calls and label inputs written by hand, as the resolver
// (lib/analysis) would give them.
import type { LabelInput, ResolvedCall } from '../types';

/** call('seaborn.heatmap', ['cm'], { annot: 'True' }) */
export function call(name: string, args: string[] = [], kwargs: Record<string, string> = {}, cell = 0): ResolvedCall {
  const attr = name.split('.').pop() ?? name;
  const kw = Object.entries(kwargs).map(([k, v]) => `${k}=${v}`);
  return { name, attr, cell, line: 0, args, kwargs, text: `${name}(${[...args, ...kw].join(', ')})` };
}

export function input(opts: {
  draw: ResolvedCall[];
  data?: ResolvedCall[];
  code?: string;
  output?: Record<string, unknown>;
  mime?: string;
  markdown?: string;
}): LabelInput {
  const calls = [...(opts.data ?? []), ...opts.draw];
  return {
    figure: { cell: 0, output: 0, mime: opts.mime ?? 'image/png', data: opts.output ?? { 'image/png': '' }, figureInCell: 0 },
    calls,
    drawCalls: opts.draw,
    slice: { cells: [0], lines: [[0, 0, 0]], code: opts.code ?? calls.map((c) => c.text).join('\n') },
    markdownBefore: opts.markdown ?? '',
    markdownAfter: '',
    cellSource: opts.code ?? '',
    context: { modelsFittedBefore: false, dataTransformedBefore: false },
  };
}
