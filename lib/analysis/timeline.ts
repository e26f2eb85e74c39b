// Replays one cell's statements to find the figures it displays, in display order, and which
// statements act on each. A loop that creates or shows figures is one figure entry standing for all
// the images its iterations display.
import type { Call, Stmt } from './statements';
import { roleOf, isPlotCall, type Role } from './figure-roles';
import { ALTAIR_CHART, PLOTLY_FIGURE } from './types-table';

export interface CellFigure {
  /** Statement indices (program-wide) acting on the figure, in this cell. */
  stmts: number[];
  /** Calls that draw or decorate it, helpers' inner calls included (viaHelper set). */
  drawCalls: Call[];
  /** True for a loop's figure: it stands for every image the loop displays. */
  loop: boolean;
}

interface Fig {
  stmts: Set<number>;
  vars: Set<string>;
  drawCalls: Call[];
  loop: boolean;
  /** False for a bare `plt.figure()` nothing drew on: the inline backend shows no image for it. */
  drawn: boolean;
}

type HelperLookup = (stmt: number) => Stmt | undefined;
export type ExpandedCall = Call & { viaHelper?: boolean };
export type CallsOf = (s: Stmt) => ExpandedCall[];

/** The calls a statement runs, each notebook helper's body calls spliced in after its call. */
export function callsOfProgram(stmts: Stmt[]): CallsOf {
  const cache = new Map<number, ExpandedCall[]>();
  const helpers = (i: number) => stmts[i];
  return (s) => {
    let calls = cache.get(s.index);
    if (!calls) cache.set(s.index, (calls = expandCalls(s.calls, helpers)));
    return calls;
  };
}

export function expandCalls(calls: Call[], helpers: HelperLookup, depth = 0): Array<Call & { viaHelper?: boolean }> {
  const out: Array<Call & { viaHelper?: boolean }> = [];
  for (const c of calls) {
    out.push(depth > 0 ? { ...c, viaHelper: true } : c);
    const def = c.helper !== null ? helpers(c.helper) : undefined;
    if (def?.helperCalls && depth < 3) out.push(...expandCalls(def.helperCalls, helpers, depth + 1).map((h) => ({ ...h, viaHelper: true })));
  }
  return out;
}

const IMAGE_DISPLAY = /^IPython\.(core\.)?display\.(Image|SVG)$/;
const DISPLAYING: Role[] = ['create', 'show', 'close', 'closeAll', 'display', 'createDisplay', 'objCreate', 'showAny'];

export function cellFigures(stmts: Stmt[], callsOf: CallsOf): CellFigure[] {
  const displayed: Fig[] = [];
  let open: Fig[] = [];
  let current: Fig | null = null;
  const objects: Fig[] = [];
  const newFig = (s: number, loop = false, drawn = true): Fig => ({ stmts: new Set([s]), vars: new Set(), drawCalls: [], loop, drawn });
  const byVar = (list: Fig[], v: string | null) => (v ? [...list].reverse().find((f) => f.vars.has(v)) : undefined);

  for (const s of stmts) {
    const calls = callsOf(s);
    const roles = calls.map((c) => roleOf(c));
    if (s.loop && roles.some((r) => r && DISPLAYING.includes(r))) {
      // Each iteration may draw a figure: the loop is one entry that maps to all of them.
      const f = newFig(s.index, true);
      if (current && roles.find((r) => r && r !== 'draw' && r !== 'objDraw') !== 'create') {
        for (const x of current.stmts) f.stmts.add(x);
        f.drawCalls.push(...current.drawCalls);
        open = open.filter((o) => o !== current);
      }
      f.drawCalls.push(...calls.filter(isPlotCall));
      if (roles.some((r) => r === 'show' || r === 'display' || r === 'createDisplay' || r === 'showAny')) {
        displayed.push(...open, f);
        open = [];
        current = null;
      } else {
        open.push(f);
        current = f;
      }
      continue;
    }
    calls.forEach((call, k) => {
      const role = roles[k];
      if (!role) return;
      const target = call.axArg ?? call.receiver;
      let effective: Role = role;
      if (role === 'showAny') {
        const pending = [...objects].reverse().find((o) => !displayed.includes(o));
        if (pending) {
          pending.stmts.add(s.index);
          displayed.push(pending);
          return;
        }
        effective = 'show';
      }
      switch (effective) {
        case 'create': {
          const f = newFig(s.index, false, !/\.figure$/.test(call.name));
          call.assignedTo.forEach((v) => f.vars.add(v));
          f.drawCalls.push(call);
          open.push(f);
          current = f;
          return;
        }
        case 'draw': {
          let f = byVar(open, target) ?? current;
          if (!f) {
            f = newFig(s.index);
            open.push(f);
          }
          current = f;
          f.drawn = true;
          f.stmts.add(s.index);
          call.assignedTo.forEach((v) => f!.vars.add(v));
          f.drawCalls.push(call);
          return;
        }
        case 'show':
          for (const f of open) f.stmts.add(s.index);
          displayed.push(...open);
          open = [];
          current = null;
          return;
        case 'close':
          open = open.filter((o) => o !== (byVar(open, call.args[0] ?? null) ?? current));
          current = open[open.length - 1] ?? null;
          return;
        case 'closeAll':
          open = [];
          current = null;
          return;
        case 'objCreate': {
          const f = newFig(s.index);
          call.assignedTo.forEach((v) => f.vars.add(v));
          f.drawCalls.push(call);
          objects.push(f);
          return;
        }
        case 'objDraw': {
          const f = byVar(objects, call.receiver) ?? objects[objects.length - 1] ?? adopt(objects, newFig(s.index), call.receiver);
          f.stmts.add(s.index);
          f.drawCalls.push(call);
          return;
        }
        case 'display': {
          const fromArg = call.attr === 'show' || call.attr === 'display' ? call.receiver : firstArgRoot(call);
          const isFigureReceiver = call.receiverType !== null && call.receiver === fromArg;
          let f = byVar(objects, fromArg) ?? (isFigureReceiver || !/^(IPython\.display\.)?display$/.test(call.name) ? undefined : null);
          if (f === null && IMAGE_DISPLAY.test(`IPython.display.${call.args[0]?.split('(')[0]}`)) f = undefined;
          if (f === null) return; // display(df): not a figure
          f ??= adopt(objects, newFig(s.index), fromArg);
          f.stmts.add(s.index);
          f.drawCalls.push(call);
          displayed.push(f);
          return;
        }
        case 'createDisplay': {
          const f = newFig(s.index);
          f.drawCalls.push(call);
          displayed.push(f);
          return;
        }
      }
    });
  }
  // A cell's last expression is displayed when it is a plotly figure or an altair chart.
  const last = stmts[stmts.length - 1];
  const lastVar = last && last.uses.length === 1 && last.calls.length === 0 ? last.uses[0] : null;
  const knownObject = byVar(objects, lastVar);
  // A last expression making an IPython image (`Image(...)`, often returned by a helper) shows the figure it renders.
  const rendersImage = last?.isExpression && callsOf(last).some((c) => IMAGE_DISPLAY.test(c.name));
  const pending = [...objects].reverse().find((o) => !displayed.includes(o));
  if (last && rendersImage && !knownObject) {
    const f = pending ?? newFig(last.index);
    f.stmts.add(last.index);
    displayed.push(f);
  } else if (last && (knownObject || last.exprType === PLOTLY_FIGURE || last.exprType === ALTAIR_CHART)) {
    const f = knownObject ?? objects.find((o) => o.stmts.has(last.index)) ?? adopt(objects, newFig(last.index), lastVar);
    f.stmts.add(last.index);
    displayed.push(f);
  }
  // The inline backend shows the figures still open when the cell ends.
  displayed.push(...open);
  return displayed.filter((f) => f.drawn).map((f) => ({ stmts: [...f.stmts].sort((a, b) => a - b), drawCalls: f.drawCalls, loop: f.loop }));
}

function adopt(list: Fig[], f: Fig, v: string | null): Fig {
  if (v) f.vars.add(v);
  list.push(f);
  return f;
}

function firstArgRoot(call: Call): string | null {
  const a = call.args[0];
  return a && /^[A-Za-z_]\w*$/.test(a) ? a : null;
}
