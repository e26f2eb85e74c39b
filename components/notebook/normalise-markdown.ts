/**
 * Classic Jupyter (marked) rendered `###Heading` without a space as a heading; CommonMark does not,
 * and many Kaggle notebooks rely on it. Add the space, outside fenced code blocks.
 * Jupyter also shows a line holding only `$$…$$` as display math, where remark-math would read it as
 * inline math: it becomes a `$$` block of its own.
 */
export function normaliseMarkdown(source: string): string {
  let fenced = false;
  return source
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      const display = /^\s{0,3}\$\$(.+?)\$\$\s*$/.exec(line);
      if (display && !display[1].includes('$$')) return `$$\n${display[1].trim()}\n$$`;
      return line.replace(/^(\s{0,3}#{1,6})([^#\s])/, '$1 $2');
    })
    .join('\n');
}
