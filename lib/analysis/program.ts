// The notebook's code as one program: every code cell parsed once, its top-level statements read in
// execution order (order.ts: by execution counts when they give a consistent order, else file order).
import type { NbCell } from '../notebooks';
import { Query, type Parser } from 'web-tree-sitter';
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
  /** Top-level modules the code imports anywhere (relative imports left out), sorted. */
  imports: string[];
  /** String literals (as written, quotes included) that name an input folder: where data is read from. */
  inputStrings: Array<{ cell: number; text: string }>;
  /** The calls a statement runs, helpers' bodies spliced in (computed once per statement). */
  callsOf: CallsOf;
}

let stringsQuery: Query | null = null;

export function readProgram(parser: Parser, cells: NbCell[]): Program {
  const { order, byExecutionCount } = executionOrder(cells);
  const env = new Env();
  const stmts: Stmt[] = [];
  const byCell = new Map<number, Stmt[]>();
  const syntaxErrors: SyntaxError[] = [];
  const cellMagics = new Map<number, string>();
  const python2Cells: number[] = [];
  const inputStrings: Program['inputStrings'] = [];
  stringsQuery ??= new Query(parser.language!, '(string) @s');
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
      // Strings from the tree, so a path in a comment is not taken for one the code reads.
      for (const { node } of stringsQuery.captures(parsed.tree.rootNode)) {
        const text = parsed.code.slice(node.startIndex, node.endIndex);
        if (text.includes('input/')) inputStrings.push({ cell: cellIndex, text });
      }
    } finally {
      parsed.tree.delete();
    }
  }
  syntaxErrors.sort((a, b) => a.cell - b.cell);
  const imports = [...env.imported].sort();
  return { stmts, byCell, order, byExecutionCount, syntaxErrors, cellMagics, python2Cells, imports, inputStrings, callsOf: callsOfProgram(stmts) };
}
