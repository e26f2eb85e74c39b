// Last-resort reading of a cell's source when none of the resolved calls draws anything (e.g. a draw
// through `ax=ax` or inside a loop the slicer did not attribute): the written calls, with their
// keyword arguments, as unresolved ResolvedCalls. Bare names that libraries export under one
// well-known name are qualified (plot_tree -> sklearn.tree.plot_tree).
import type { ResolvedCall } from '../types';

const BARE: Record<string, string> = {
  plot_tree: 'sklearn.tree.plot_tree', export_graphviz: 'sklearn.tree.export_graphviz', dendrogram: 'scipy.cluster.hierarchy.dendrogram',
  WordCloud: 'wordcloud.WordCloud', plot_confusion_matrix: 'sklearn.metrics.plot_confusion_matrix', plot_roc_curve: 'sklearn.metrics.plot_roc_curve',
  scatter_matrix: 'pandas.plotting.scatter_matrix', qqplot: 'statsmodels.api.qqplot', probplot: 'scipy.stats.probplot',
  plot_acf: 'statsmodels.graphics.tsaplots.plot_acf', plot_pacf: 'statsmodels.graphics.tsaplots.plot_pacf', iplot: 'plotly.offline.iplot',
  make_subplots: 'plotly.subplots.make_subplots', cv2_imshow: 'google.colab.patches.cv2_imshow',
};

/** Splits `a, b=1, c=(1, 2)` at top-level commas. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0, quote = '', start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) { if (ch === '\\') i++; else if (ch === quote) quote = ''; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) { out.push(s.slice(start, i).trim()); start = i + 1; }
  }
  const last = s.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** The text between the parenthesis at `open` and its match. */
function inside(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')' && --depth === 0) return src.slice(open + 1, i);
  }
  return src.slice(open + 1);
}

export function callsInSource(source: string, cell: number): ResolvedCall[] {
  const calls: ResolvedCall[] = [];
  const code = source.replace(/#[^\n]*/g, '');
  for (const m of code.matchAll(/(?<![\w.\]])([A-Za-z_]\w*(?:\[[^\]\n]*\])?(?:\.[A-Za-z_]\w*(?:\[[^\]\n]*\])?)*)\s*\(/g)) {
    const written = m[1];
    if (/^(def|class|if|for|while|print|len|range|int|float|str|list|dict|set|tuple|zip|enumerate|return|lambda|in|and|or|not)$/.test(written)) continue;
    const parts = splitArgs(inside(code, m.index! + m[0].length - 1));
    const args = parts.filter((p) => !/^\w+\s*=(?!=)/.test(p));
    const kwargs = Object.fromEntries(parts.filter((p) => /^\w+\s*=(?!=)/.test(p)).map((p) => [p.split('=')[0].trim(), p.slice(p.indexOf('=') + 1).trim()]));
    const name = BARE[written] ?? written.replace(/\[[^\]]*\]/g, (s) => s.replace(/\s+/g, ''));
    const line = code.slice(0, m.index).split('\n').length - 1;
    calls.push({ name, attr: written.split('.').pop()!, cell, line, args, kwargs, text: code.slice(m.index!, m.index! + 200) });
  }
  return calls;
}
