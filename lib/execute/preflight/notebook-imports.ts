import { codeOf, scanPython, type CodeCell } from './line-scan';

/**
 * The top-level modules a notebook imports, sorted: `import a.b as c, d` gives a and d, `from a.b
 * import c` gives a; relative imports (`from . import x`) are the notebook's own and left out.
 * Line-based on the code with comments and strings removed, so `# import x` and `"import x"` do not
 * count; imports inside functions or try blocks do (a notebook that guards an import still needs it
 * to run that branch). The analysis engine's import list can replace this function one for one.
 */
export function lineBasedImports(cells: CodeCell[]): string[] {
  const found = new Set<string>();
  for (const source of codeOf(cells)) {
    // Continuation lines (`\` or inside parentheses) joined, so `from x import (a,\n b)` is one statement.
    const code = scanPython(source).code.replace(/\\\n/g, ' ').replace(/\(([^()]*)\)/g, (m) => m.replace(/\n/g, ' '));
    for (const statement of code.split(/[\n;]/)) {
      const line = statement.trim();
      const from = /^from\s+([A-Za-z_][\w.]*)\s+import\b/.exec(line);
      if (from) {
        found.add(from[1].split('.')[0]);
        continue;
      }
      const imp = /^import\s+(.+)$/.exec(line);
      if (!imp) continue;
      for (const part of imp[1].split(',')) {
        const name = /^\s*([A-Za-z_][\w]*)/.exec(part);
        if (name) found.add(name[1]);
      }
    }
  }
  return [...found].sort();
}

/** The imports pre-flight uses: today the line-based scan, later the analysis engine's. */
export const notebookImports = lineBasedImports;
