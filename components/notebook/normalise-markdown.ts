/**
 * Classic Jupyter (marked) rendered `###Heading` without a space as a heading; CommonMark does not,
 * and many Kaggle notebooks rely on it. Add the space, outside fenced code blocks.
 */
export function normaliseMarkdown(source: string): string {
  let fenced = false;
  return source
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      return fenced ? line : line.replace(/^(\s{0,3}#{1,6})([^#\s])/, '$1 $2');
    })
    .join('\n');
}
