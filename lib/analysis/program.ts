// The notebook's code as one program: every code cell parsed once, its top-level statements read in
// execution order (order.ts: by execution counts when they give a consistent order, else file order).
import type { NbCell } from '../notebooks';
import type { Parser } from 'web-tree-sitter';
import { parseCell } from './parser';
import { Env } from './names';
import { StatementReader, type Stmt } from './statements';
import { callsOfProgram, type CallsOf } from './timeline';
import { executionOrder } from './order';

export interface SyntaxError {
  cell: number;
  line: number;
  message: string;
}

export interface Program {
  /** Every top-level statement, in execution order; `stmts[i].index === i`. */
  stmts: Stmt[];
  /** Statements per cell (all-cells index), in order. */
  byCell: Map<number, Stmt[]>;
  /** Code cells in the order used. */
  order: number[];
  /** True when the execution counts gave the order. */
  byExecutionCount: boolean;
  syntaxErrors: SyntaxError[];
  /** Cells that start with a cell magic, by its name ('R', 'bash', 'time'). */
  cellMagics: Map<number, string>;
  /** Cells rewritten from Python 2. */
  python2Cells: number[];
  /** The calls a statement runs, helpers' bodies spliced in (computed once per statement). */
  callsOf: CallsOf;
}

export function readProgram(parser: Parser, cells: NbCell[]): Program {
  const { order, byExecutionCount } = executionOrder(cells);
  const env = new Env();
  const stmts: Stmt[] = [];
  const byCell = new Map<number, Stmt[]>();
  const syntaxErrors: SyntaxError[] = [];
  const cellMagics = new Map<number, string>();
  const python2Cells: number[] = [];
  for (const cellIndex of order) {
    const parsed = parseCell(parser, cells[cellIndex].source);
    try {
      if (parsed.cellMagic) cellMagics.set(cellIndex, parsed.cellMagic);
      if (parsed.python2) python2Cells.push(cellIndex);
      if (parsed.error) syntaxErrors.push({ cell: cellIndex, ...parsed.error });
      const reader = new StatementReader(env, cellIndex);
      const own: Stmt[] = [];
      for (const node of parsed.tree.rootNode.namedChildren) {
        if (!node || node.type === 'comment' || node.type === 'pass_statement') continue;
        const stmt = reader.read(node, stmts.length);
        stmts.push(stmt);
        own.push(stmt);
      }
      byCell.set(cellIndex, own);
    } finally {
      parsed.tree.delete();
    }
  }
  syntaxErrors.sort((a, b) => a.cell - b.cell);
  return { stmts, byCell, order, byExecutionCount, syntaxErrors, cellMagics, python2Cells, callsOf: callsOfProgram(stmts) };
}
