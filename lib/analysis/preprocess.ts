// Turns a notebook cell into plain Python before parsing, one line for one line, so every line
// number the parser reports is the line number in the cell as written.
//  - IPython line magics (`%matplotlib inline`), shell escapes (`!pip install x`) and help (`df?`,
//    `??len`) become `pass` (the indentation is kept, so a magic inside a block leaves it valid);
//    `files = !ls` and `t = %timeit -o f()` keep their assignment with `None` as the value.
//  - Cell magics: `%%time`, `%%timeit`, `%%capture` run their body as Python, so only the magic line
//    goes; any other cell magic (`%%bash`, `%%R`, `%%html`, `%%writefile`, …) holds no Python, so the
//    whole cell is blanked. The magic's name is returned so callers can say what the cell was.

export interface Preprocessed {
  code: string;
  /** The cell magic's name without `%%` ('R', 'bash', 'time'), when the cell starts with one. */
  cellMagic: string | null;
  /** True when the cell's body is not Python (a non-Python cell magic). */
  foreign: boolean;
}

const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'px', 'cython_inline']);
const LINE_MAGIC = /^(\s*)(%|!)/;
const ASSIGNED_MAGIC = /^(\s*[A-Za-z_][\w.,\s[\]]*?=\s*)(%|!)(.*)$/;
const HELP = /^(\s*)(\?{1,2}[\w.]+|[\w.]+(\(\))?\?{1,2})\s*$/;

export function preprocessCell(source: string): Preprocessed {
  const lines = source.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const cellMagicMatch = first >= 0 ? /^\s*%%(\S+)/.exec(lines[first]) : null;
  const cellMagic = cellMagicMatch ? cellMagicMatch[1] : null;
  if (cellMagic && !PYTHON_CELL_MAGICS.has(cellMagic)) {
    return { code: lines.map(() => '').join('\n'), cellMagic, foreign: true };
  }
  if (cellMagic) lines[first] = '';

  // Lines inside a triple-quoted string are text, not magics: track whether we are in one.
  let openQuote: string | null = null;
  const out = lines.map((line) => {
    const inString = openQuote !== null;
    openQuote = quoteStateAfter(line, openQuote);
    // Most lines hold none of % ! ?: skip the patterns for them.
    if (inString || !/[%!?]/.test(line)) return line;
    const assigned = ASSIGNED_MAGIC.exec(line);
    if (assigned && !/[=!<>]=/.test(assigned[1].slice(-3))) return `${assigned[1]}None`;
    const magic = LINE_MAGIC.exec(line);
    if (magic && !line.trimStart().startsWith('!=')) return `${magic[1]}pass`;
    const help = HELP.exec(line);
    if (help) return `${help[1]}pass`;
    return line;
  });
  return { code: out.join('\n'), cellMagic, foreign: false };
}

/**
 * A `%%writefile [-a] path/util.py` cell: not run in the kernel (preprocessCell blanks it), but the
 * notebook usually runs the file it writes (`import util`, `exec(open(...))`, `!python util.py`), so
 * what that Python imports and reads is needed too. Returns the module it writes and its body (the
 * magic line blanked, lines kept), or null for any other cell.
 */
export function writtenPython(source: string): { module: string; code: string } | null {
  const lines = source.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const m = /^\s*%%(?:writefile|file)\s+(?:-a\s+)?["']?(?:[^\s"']*\/)?([A-Za-z_]\w*)\.py["']?\s*$/.exec(lines[first] ?? '');
  if (!m) return null;
  lines[first] = '';
  return { module: m[1], code: lines.join('\n') };
}

/** Which triple quote is still open after this line (a rough tokenizer: enough for magics). */
function quoteStateAfter(line: string, open: string | null): string | null {
  let state = open;
  let i = 0;
  while (i < line.length) {
    if (state) {
      const end = line.indexOf(state, i);
      if (end < 0) return state;
      i = end + 3;
      state = null;
      continue;
    }
    const c = line[i];
    if (c === '#') return null;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      state = line.slice(i, i + 3);
      i += 3;
    } else if (c === '"' || c === "'") {
      const close = line.indexOf(c, i + 1);
      i = close < 0 ? line.length : close + 1;
    } else i++;
  }
  return state;
}

// Python 2 forms that tree-sitter's Python 3 grammar rejects, rewritten in place on their own line
// (tree-sitter already reads `print x` and `exec "..."` statements). Applied only to cells that fail
// to parse as written.
const PY2_REWRITES: Array<[RegExp, string]> = [
  [/^(\s*except\s+[^,:]+?)\s*,\s*([A-Za-z_]\w*)\s*:/, '$1 as $2:'],
  [/^(\s*raise\s+[A-Za-z_][\w.]*)\s*,\s*(.+?)\s*$/, '$1($2)'],
  [/<>/g, '!='],
  [/\b(\d+)[lL]\b/g, '$1'],
  [/(?<![\w.])0(\d+)\b(?!\.)/g, '0o$1'],
  [/\bur(["'])/g, 'r$1'],
  [/`([^`\n]+)`/g, 'repr($1)'],
];

export function rewritePython2(code: string): string {
  return code
    .split('\n')
    .map((line) => PY2_REWRITES.reduce((l, [re, to]) => l.replace(re, to), line))
    .join('\n');
}
