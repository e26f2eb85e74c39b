// The notebook's code as one program: every code cell parsed once, its top-level statements read in
// execution order (order.ts: by execution counts when they give a consistent order, else file order).
import type { NbCell } from '../notebooks';
import { Query, type Parser } from 'web-tree-sitter';
import { parseCell, type ParsedCell } from './parser';
import { Env } from './names';
import { importedModules } from './imports';
import { writtenPython } from './preprocess';
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
  /**
   * Top-level modules the code imports anywhere, sorted: what it needs installed. Relative imports and
   * modules the notebook writes itself (`%%writefile util.py`) are left out; that file's imports count.
   */
  imports: string[];
  /** String literals (as written, quotes included) that name an input folder: where data is read from. */
  inputStrings: Array<{ cell: number; text: string }>;
  /** The calls a statement runs, helpers' bodies spliced in (computed once per statement). */
  callsOf: CallsOf;
}

// What the code needs from where it runs is read off the syntax tree, not the statement reader: an
// import inside a function never called counts (running it needs the module), a path in a comment not.
const NEEDS = '[(import_statement) (import_from_statement) (future_import_statement)] @import (string) @string';
let needsQuery: Query | null = null;

export function readProgram(parser: Parser, cells: NbCell[]): Program {
  const { order, byExecutionCount } = executionOrder(cells);
  const env = new Env();
  const stmts: Stmt[] = [];
  const byCell = new Map<number, Stmt[]>();
  const syntaxErrors: SyntaxError[] = [];
  const cellMagics = new Map<number, string>();
  const python2Cells: number[] = [];
  const imported = new Set<string>();
  const ownModules = new Set<string>();
  const inputStrings: Program['inputStrings'] = [];
  const readNeeds = (parsed: ParsedCell, cell: number) => {
    needsQuery ??= new Query(parser.language!, NEEDS);
    for (const { name, node } of needsQuery.captures(parsed.tree.rootNode)) {
      if (name === 'import') for (const m of importedModules(node)) imported.add(m);
      else if (node.text.includes('input/')) inputStrings.push({ cell, text: node.text });
    }
  };
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
      readNeeds(parsed, cellIndex);
    } finally {
      parsed.tree.delete();
    }
    const written = parsed.foreign ? writtenPython(cells[cellIndex].source) : null;
    if (written) {
      ownModules.add(written.module);
      const file = parseCell(parser, written.code);
      readNeeds(file, cellIndex);
      file.tree.delete();
    }
  }
  syntaxErrors.sort((a, b) => a.cell - b.cell);
  const imports = [...imported].filter((m) => !ownModules.has(m)).sort();
  return { stmts, byCell, order, byExecutionCount, syntaxErrors, cellMagics, python2Cells, imports, inputStrings, callsOf: callsOfProgram(stmts) };
}
