// One tree-sitter Python parser for the whole process, loaded from the wasm files that ship inside
// the npm packages (web-tree-sitter's runtime, tree-sitter-python's grammar): no native binding, so
// the same code runs under tsx and in Next's server bundle.
import path from 'node:path';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { preprocessCell, rewritePython2 } from './preprocess';

export type { Node, Tree };

let loading: Promise<Parser> | null = null;

/** The shared parser; the first call loads the wasm (a few tens of ms), later calls are free. */
export function getParser(): Promise<Parser> {
  loading ??= (async () => {
    // The .wasm paths are resolved by Node at run time, out of the bundler's sight: Next's bundler
    // compiles a literal '….wasm' specifier as a module (it cannot), and turns require.resolve into a
    // module number. Both packages are serverExternalPackages too (next.config.mjs).
    const nodeModule = (process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('node:module') }).getBuiltinModule('node:module');
    const nodeRequire = nodeModule.createRequire(import.meta.url);
    const runtimeDir = path.dirname(nodeRequire.resolve('web-tree-sitter'));
    const grammarDir = path.dirname(nodeRequire.resolve('tree-sitter-python/package.json'));
    await Parser.init({ locateFile: () => path.join(/*turbopackIgnore: true*/ runtimeDir, 'tree-sitter.wasm') });
    const python = await Language.load(path.join(/*turbopackIgnore: true*/ grammarDir, 'tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(python);
    return parser;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

export interface SyntaxProblem {
  line: number;
  message: string;
}

export interface ParsedCell {
  tree: Tree;
  /** The Python that was parsed (magics neutralised, maybe Python 2 rewritten): same line count as the cell. */
  code: string;
  cellMagic: string | null;
  foreign: boolean;
  python2: boolean;
  error: SyntaxProblem | null;
}

/** Parses one cell; the caller must `tree.delete()` when done (the tree lives in wasm memory). */
export function parseCell(parser: Parser, source: string): ParsedCell {
  const pre = preprocessCell(source);
  let code = pre.code;
  let tree = parser.parse(code)!;
  let python2 = false;
  if (tree.rootNode.hasError) {
    const rewritten = rewritePython2(code);
    if (rewritten !== code) {
      const retry = parser.parse(rewritten)!;
      if (countErrors(retry.rootNode) < countErrors(tree.rootNode)) {
        tree.delete();
        tree = retry;
        code = rewritten;
        python2 = true;
      } else retry.delete();
    }
  }
  const error = tree.rootNode.hasError ? firstError(tree.rootNode, code) : null;
  return { tree, code, cellMagic: pre.cellMagic, foreign: pre.foreign, python2, error };
}

function countErrors(node: Node): number {
  if (!node.hasError) return 0;
  if (node.isError || node.isMissing) return 1;
  let n = 0;
  for (const child of node.children) if (child) n += countErrors(child);
  return n;
}

function firstError(node: Node, code: string): SyntaxProblem | null {
  if (node.isMissing) return { line: node.startPosition.row, message: `missing ${node.type}` };
  if (node.isError) {
    const text = code.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 40)).split('\n')[0];
    return { line: node.startPosition.row, message: `invalid syntax near '${text.trim()}'` };
  }
  for (const child of node.children) {
    if (child?.hasError || child?.isMissing) {
      const found = firstError(child, code);
      if (found) return found;
    }
  }
  return null;
}
