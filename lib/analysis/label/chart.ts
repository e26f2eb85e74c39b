// Chart type: what the drawing calls draw, then the taxonomy's semantic rules on what the data is
// (a heatmap of a confusion matrix is a confusion_matrix, a line of a training history a learning_curve,
// bars of importances a feature_importance, an imshow of raw images a sample or an image grid).
import type { ChartType, ResolvedCall } from '../types';
import type { ClassifiedCall } from './classify';
import { callText, fullName } from './names';

export interface ChartGuess { value: ChartType; confidence: number; evidence: string[] }

// Drawings that mostly decorate another chart (bands, reference lines) lose against any real chart.
const WEAK = new Set(['fill_between', 'fill_betweenx', 'vlines', 'hlines', 'bar_label', 'rugplot', 'text']);
const DIRECT: ChartType[] = ['shap', 'missing_values', 'wordcloud', 'confusion_matrix', 'roc_curve', 'pr_curve', 'learning_curve', 'tree_or_graph', 'pair_grid', 'qq_plot', 'map', 'feature_importance', 'table_image'];

/** The dominant chart among the drawing calls: direct API charts first, then the most frequent. */
export function dominantChart(draws: ClassifiedCall[]): { chart: ChartType; share: number; call: ClassifiedCall } | null {
  const charted = draws.filter((d) => d.chart);
  if (!charted.length) return null;
  const direct = charted.find((d) => DIRECT.includes(d.chart!));
  if (direct) return { chart: direct.chart!, share: 1, call: direct };
  const strong = charted.filter((d) => !WEAK.has(d.call.attr));
  const pool = strong.length ? strong : charted;
  const counts = new Map<ChartType, number>();
  for (const d of pool) counts.set(d.chart!, (counts.get(d.chart!) ?? 0) + 1);
  let best = pool[0];
  for (const d of pool) if (counts.get(d.chart!)! > counts.get(best.chart!)!) best = d;
  return { chart: best.chart!, share: counts.get(best.chart!)! / pool.length, call: best };
}

const has = (calls: ResolvedCall[], re: RegExp) => calls.some((c) => re.test(fullName(c)));

/** Semantic facts about the data being drawn, from the slice's calls and code. */
export function dataFacts(calls: ResolvedCall[], code: string) {
  return {
    confusion: has(calls, /confusion_matrix$|ConfusionMatrix/) || /\bconfusion_matrix\b/.test(code),
    roc: has(calls, /(^|\.)roc_curve$/) || /\broc_curve\(/.test(code),
    pr: has(calls, /precision_recall_curve$/) || /\bprecision_recall_curve\(/.test(code),
    history: /\bhistory\s*\[\s*['"]|\.history\b|\bevals_result\(?|\bval_loss\b|\btrain_loss(es)?\b|\bval_acc\w*\b/.test(code)
      || has(calls, /^sklearn\.model_selection\.learning_curve$|^learning_curve$/),
    importance: /\bfeature_importances?_\b|\.coef_\b|\bpermutation_importance\b|\.get_score\(|\.feature_importance\(|\bimportances?\b/.test(code),
    corr: /\.corr\(|\bcorrcoef\(|\bcorr(_?matrix|mat)?\b/.test(code),
    wordcloud: /\bWordCloud\b/.test(code),
    images: /imread|Image\.open|load_img|\.images\b|\bimg\b|\bimage\b|pixel|\.reshape\(\s*\d+\s*,\s*\d+\s*(,\s*3\s*)?\)|X_train\s*\[\s*\w+\s*\]|\bcv2\./.test(code),
    missing: /\.isnull\(\)|\.isna\(\)/.test(code),
  };
}

export function chartFromDraws(draws: ClassifiedCall[], calls: ResolvedCall[], code: string): ChartGuess | null {
  const dom = dominantChart(draws);
  if (!dom) return null;
  const facts = dataFacts(calls, code);
  const ev = [`call ${dom.call.name}${dom.share < 1 ? ` (${Math.round(dom.share * 100)}% of drawings)` : ''}`];
  const conf = dom.share === 1 ? 0.9 : 0.55 + 0.3 * dom.share;
  const drawArgs = callText(dom.call.call);
  const out = (value: ChartType, confidence: number, why?: string): ChartGuess => ({ value, confidence, evidence: why ? [...ev, why] : ev });
  const c = dom.chart;
  if (c === 'heatmap') {
    const matrixDraw = /^(heatmap|imshow|matshow|pcolormesh|pcolor|clustermap)$/.test(dom.call.call.attr);
    if (/isnull\(\)|isna\(\)/.test(drawArgs)) return out('missing_values', 0.75, 'heatmap of missing values');
    if (/corr/.test(drawArgs)) return out('heatmap', 0.95, 'correlation matrix');
    if (matrixDraw && (facts.confusion || /\bcm\b|conf_?m|confusion/i.test(drawArgs))) return out('confusion_matrix', 0.9, 'matrix from confusion_matrix');
    if (/^(imshow|matshow)$/.test(dom.call.call.attr) && dom.call.lib !== 'plotly') {
      if (facts.wordcloud || /wordcloud|\bwc\b|cloud/i.test(drawArgs)) return out('wordcloud', 0.9, 'imshow of a WordCloud');
      const imshows = draws.filter((d) => d.call.attr === 'imshow').length;
      const sample = facts.images || /\bimg|image|pic|photo|X_\w+\[|x\[\w+\]|\[\s*i\s*\]|sample/i.test(drawArgs);
      if (sample && !facts.corr) return imshows > 1 || /for |\bi\b/.test(drawArgs) ? out('image_grid', 0.7, 'imshow of sample images') : out('other', 0.6, 'imshow of one raw sample');
    }
    return out('heatmap', conf);
  }
  if (c === 'line' || c === 'scatter' || c === 'other') {
    if (facts.roc && /fpr|tpr|roc/i.test(code)) return out('roc_curve', 0.9, 'roc_curve in slice');
    if (facts.pr && /precision|recall/i.test(drawArgs + code)) return out('pr_curve', 0.85, 'precision_recall_curve in slice');
    if (c === 'line' && facts.history) return out('learning_curve', 0.85, 'training history / learning_curve');
  }
  if (c === 'bar' && facts.importance && /importanc|coef|score|weight/i.test(drawArgs + code)) return out('feature_importance', 0.85, 'bars of importances/coefficients');
  return out(c, conf);
}
