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
    history: /\bhistory\s*\[\s*['"]|\.history\b|\bevals_result\(?|\bval_loss\b|\btrain_loss(es)?\b|\bval_acc\w*\b|\bloss_history\b|\b(train|valid|val|test)_(losses|accs|accuracies|metrics?)\b|\bepoch_(loss|acc)\w*\b|\btrain_sizes\b|\blearning_curve\(/.test(code)
      || has(calls, /^sklearn\.model_selection\.learning_curve$|^learning_curve$/),
    importance: /\bfeature_importances?_\b|\.coef_\b|\bpermutation_importance\b|\.get_score\(|\.feature_importance\(|\bimportances?\b/.test(code),
    corr: /\.corr\(|\bcorrcoef\(|\bcorr(_?matrix|mat)?\b/.test(code),
    wordcloud: /\bWordCloud\b/.test(code),
    images: /imread|Image\.open|load_img|\.images\b|\bimg\b|\bimage\b|pixel|\.reshape\(\s*\d+\s*,\s*\d+\s*(,\s*3\s*)?\)|X_train\s*\[\s*\w+\s*\]|\bcv2\./.test(code),
    missing: /\.isnull\(\)|\.isna\(\)/.test(code),
  };
}

export function chartFromDraws(draws: ClassifiedCall[]): ChartGuess | null {
  const dom = dominantChart(draws);
  if (!dom) return null;
  const ev = [`call ${dom.call.name}${dom.share < 1 ? ` (${Math.round(dom.share * 100)}% of drawings)` : ''}`];
  return { value: dom.chart, confidence: dom.share === 1 ? 0.9 : 0.55 + 0.3 * dom.share, evidence: ev };
}

const SEMANTIC: ChartType[] = ['confusion_matrix', 'roc_curve', 'pr_curve', 'learning_curve', 'feature_importance', 'shap', 'wordcloud', 'missing_values', 'tree_or_graph', 'pair_grid', 'qq_plot', 'map'];

/**
 * The taxonomy's rules on what the data is, applied to a chart read from the calls or the output:
 * a matrix from confusion_matrix, a curve of fpr/tpr or of a training history, bars of importances,
 * an imshow of raw images, a contour.
 */
export function refineChart(base: ChartGuess, draws: ClassifiedCall[], calls: ResolvedCall[], code: string): ChartGuess {
  if (SEMANTIC.includes(base.value)) return base;
  const facts = dataFacts(calls, code);
  const drawArgs = draws.map((d) => callText(d.call)).join('\n');
  const attrs = new Set(draws.map((d) => d.call.attr));
  const out = (value: ChartType, confidence: number, why: string): ChartGuess => ({ value, confidence, evidence: [...base.evidence, why] });
  const c = base.value;
  if (attrs.has('contourf') || attrs.has('contour')) return out('other', 0.7, 'contours (decision surface, density)');
  if (c === 'heatmap') {
    if (/isnull\(\)|isna\(\)/.test(drawArgs)) return out('missing_values', 0.75, 'heatmap of missing values');
    if (/corr/i.test(drawArgs)) return out('heatmap', 0.95, 'correlation matrix');
    if (facts.confusion || /\bcm\b|conf_?m|confusion/i.test(drawArgs)) return out('confusion_matrix', 0.9, 'matrix from confusion_matrix');
    if (facts.wordcloud || /wordcloud|\bwc\b|cloud/i.test(drawArgs)) return out('wordcloud', 0.9, 'image of a WordCloud');
    if (/make_grid/.test(drawArgs + code)) return out('image_grid', 0.8, 'grid of sample images (make_grid)');
    const imshows = draws.filter((d) => /^(imshow|matshow)$/.test(d.call.attr)).length;
    const sample = facts.images || /\bimg|image|pic|photo|frame|X_\w+\[|x\[\w+\]|\[\s*i\s*\]|sample/i.test(drawArgs);
    if (attrs.has('imshow') && sample && !facts.corr) {
      return imshows > 1 || /\bfor\b/.test(code.split('\n').slice(-15).join('\n')) ? out('image_grid', 0.7, 'imshow of sample images') : out('other', 0.6, 'imshow of one raw sample');
    }
    return base;
  }
  if (c === 'line' || c === 'scatter' || c === 'other') {
    if (/\bfpr\b|\btpr\b|false.positive|true.positive/i.test(drawArgs) || (facts.roc && !facts.pr)) return out('roc_curve', 0.9, 'ROC: fpr against tpr');
    if (/precision|recall/i.test(drawArgs) && (facts.pr || /precision/i.test(drawArgs))) return out('pr_curve', 0.85, 'precision against recall');
    if ((c === 'line' || c === 'scatter') && (facts.history || /\bepochs?\b/i.test(drawArgs))) return out('learning_curve', 0.85, 'metric per epoch / training-set size');
  }
  if ((c === 'bar' || c === 'box') && facts.importance && /importanc|coef|weight|shap/i.test(drawArgs + code)) return out('feature_importance', 0.85, 'importances or coefficients');
  return base;
}
