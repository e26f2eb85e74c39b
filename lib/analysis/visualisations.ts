// Ties each figure output to the code that drew it: the k-th figure output of a cell is the k-th
// figure the cell's code displays (a loop's figure takes the images its iterations display), and the
// figure's statements are sliced backwards through the notebook.
import type { NbCell } from '../notebooks';
import type { FigureOutput, ResolvedCall, Slice } from './types';
import type { Program } from './program';
import type { Call } from './statements';
import { figureOutputsOf } from './figure-outputs';
import { cellFigures, type CellFigure } from './timeline';
import { isPlotCall } from './figure-roles';
import { assembleSlice, backwardSlice, touchIndex } from './slice';

export interface TracedFigure {
  figure: FigureOutput;
  /** Statement indices of the slice, ascending (execution order). */
  stmts: number[];
  slice: Slice;
  calls: ResolvedCall[];
  drawCalls: ResolvedCall[];
  /** False when no figure of the cell's code could be matched: the whole cell was taken as its source. */
  matched: boolean;
}

export function traceFigures(program: Program, cells: NbCell[]): TracedFigure[] {
  const touches = touchIndex(program);
  const traced: TracedFigure[] = [];
  cells.forEach((cell, cellIndex) => {
    if (cell.cell_type !== 'code') return;
    const outputs = figureOutputsOf(cell);
    if (outputs.length === 0) return;
    const stmts = program.byCell.get(cellIndex) ?? [];
    const figures = cellFigures(stmts, program.callsOf);
    const assigned = assignOutputs(outputs.length, figures);
    outputs.forEach((out, k) => {
      const f: CellFigure | undefined = figures[assigned[k]];
      const seeds = f ? f.stmts : stmts.map((s) => s.index);
      const kept = backwardSlice(program, touches, seeds);
      const own = f ? f.drawCalls : stmts.flatMap(program.callsOf).filter(isPlotCall);
      traced.push({
        figure: { cell: cellIndex, output: out.output, mime: out.mime, data: out.data, figureInCell: f ? assigned[k] : k },
        stmts: kept,
        slice: assembleSlice(program, cells, kept),
        calls: kept.flatMap((i) => (program.stmts[i].helperCalls ? [] : program.callsOf(program.stmts[i]))).map(plain),
        drawCalls: own.map(plain),
        matched: f !== undefined,
      });
    });
  });
  return traced;
}

/**
 * Which figure (index into `figures`) each of n outputs shows: in order, one each, except that a
 * loop's figure takes as many outputs as there are beyond the figures' count. -1 when there is none.
 */
export function assignOutputs(n: number, figures: Array<{ loop: boolean }>): number[] {
  if (figures.length === 0) return Array(n).fill(-1);
  let extra = n - figures.length;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    const fig = Math.min(j, figures.length - 1);
    out.push(fig);
    if (figures[fig].loop && extra > 0) extra--;
    else j++;
  }
  return out;
}

const plainCache = new WeakMap<Call, ResolvedCall>();

/** A call as the contract shows it (the resolver's working fields dropped); one object per call. */
function plain(c: Call & { viaHelper?: boolean }): ResolvedCall {
  const known = plainCache.get(c);
  if (known) return known;
  const r: ResolvedCall = { name: c.name, attr: c.attr, cell: c.cell, line: c.line, args: c.args, kwargs: c.kwargs, text: c.text };
  if (c.viaHelper) r.viaHelper = true;
  plainCache.set(c, r);
  return r;
}
