/**
 * The figure inside plotly's offline HTML output (`Plotly.newPlot("id", [data], {layout}, {config})`),
 * read as JSON, never run. Plotly writes these arguments as JSON literals, so a bracket scanner that
 * respects strings finds where each ends. Returns null for anything it cannot read as JSON.
 */
export function plotlyFigureFromHtml(html: string): { data: unknown[]; layout: Record<string, unknown> } | null {
  const call = html.indexOf('Plotly.newPlot(');
  if (call < 0) return null;
  let i = call + 'Plotly.newPlot('.length;
  const args: unknown[] = [];
  while (args.length < 3) {
    i = skipSpaceAndCommas(html, i);
    const end = endOfJsonValue(html, i);
    if (end < 0) break;
    try {
      args.push(JSON.parse(html.slice(i, end)));
    } catch {
      break;
    }
    i = end;
  }
  const [, data, layout] = args;
  if (!Array.isArray(data)) return null;
  return { data, layout: layout && typeof layout === 'object' ? (layout as Record<string, unknown>) : {} };
}

export function skipSpaceAndCommas(s: string, i: number): number {
  while (i < s.length && /[\s,]/.test(s[i])) i++;
  return i;
}

/** Index just past the JSON value starting at i (string, array or object), or -1. */
export function endOfJsonValue(s: string, i: number): number {
  const open = s[i];
  if (open === '"') return endOfString(s, i);
  if (open !== '[' && open !== '{') return -1;
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"') {
      j = endOfString(s, j) - 1;
      if (j < 0) return -1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

function endOfString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j + 1;
  }
  return -1;
}
