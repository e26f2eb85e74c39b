// Shared by the line-based scanners: a cell's code with comments and string contents blanked, and
// the string literals it contains. Simple on purpose (no parser): the analysis engine (lib/analysis)
// will replace these scanners with its own def-use results.

export interface CodeCell {
  cellType: string;
  source: string;
}

export interface Scanned {
  code: string; // the source with comments removed and every string literal replaced by ''
  strings: string[]; // the contents of the string literals, in order
}

const STRING = /([rRbBuUfF]{0,2})('''|"""|'|")/y;

/** Walks the source once, character by character, separating code from comments and strings. */
export function scanPython(source: string): Scanned {
  let code = '';
  const strings: string[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    STRING.lastIndex = i;
    const m = /[A-Za-z_0-9]/.test(source[i - 1] ?? '') ? null : STRING.exec(source);
    if (m) {
      const quote = m[2];
      let j = i + m[0].length;
      let content = '';
      while (j < source.length && !source.startsWith(quote, j)) {
        if (quote.length === 1 && source[j] === '\n') break; // an unterminated one-line string ends at the line
        if (source[j] === '\\' && j + 1 < source.length) {
          content += source.slice(j, j + 2);
          j += 2;
          continue;
        }
        content += source[j++];
      }
      strings.push(content);
      code += "''";
      i = Math.min(source.length, j + quote.length);
      continue;
    }
    code += ch;
    i++;
  }
  return { code, strings };
}

/** Code cells only, with IPython's magics and shell escapes (`%pip`, `!ls`) left out. */
export function codeOf(cells: CodeCell[]): string[] {
  return cells
    .filter((c) => c.cellType === 'code')
    .map((c) =>
      c.source
        .split('\n')
        .filter((l) => !/^\s*[%!]/.test(l))
        .join('\n'),
    );
}
