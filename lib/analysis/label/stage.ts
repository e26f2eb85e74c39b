// The ML stage of a code cell, and of a figure from the calls that feed it (taxonomy, issue 9).
import type { ChartType, MlStage, ResolvedCall } from '../types';
import { classifyCall } from './classify';
import { fullName } from './names';
import { CELL_STAGE_ORDER, MARKDOWN_STAGE, type Signal, STAGE_CALLS, STAGE_WORDS } from './stage-table';

type Word = (typeof STAGE_WORDS)[number]['signal'];

// A density estimate's evaluate() is not a model evaluation.
const NOT_A_MODEL = /kde|gaussian_kde|KernelDensity|\.str\.|^re\.|^os\.|^json\./i;

export function callSignals(calls: ResolvedCall[]): Map<Signal, string> {
  const out = new Map<Signal, string>();
  for (const c of calls) {
    const name = fullName(c);
    if (NOT_A_MODEL.test(name)) continue;
    const row = STAGE_CALLS.find((r) => r.re.test(name));
    if (row && !out.has(row.signal)) out.set(row.signal, name);
  }
  return out;
}

export function wordSignals(code: string): Set<Word> {
  return new Set(STAGE_WORDS.filter((w) => w.re.test(code)).map((w) => w.signal));
}

/** Stage of one code cell: the furthest pipeline step its calls reach (HeaderGen-style, one label). */
export function stageOfCell(calls: ResolvedCall[], source: string): MlStage {
  const sig = callSignals(calls);
  const words = wordSignals(source);
  if (words.has('history') && calls.some((c) => classifyCall(c)?.chart)) return 'training_monitoring';
  for (const [s, stage] of CELL_STAGE_ORDER) if (sig.has(s)) return stage;
  if (calls.some((c) => classifyCall(c)?.chart)) return 'data_exploration';
  if (calls.some((c) => /^pandas\.|\.(head|tail|shape|dtypes|columns)$/.test(fullName(c)))) return 'data_exploration';
  return 'other';
}

/** A column the drawing reads that the slice created or rewrote with a transformation (feature engineering). */
const comments = (code: string) => code.split('\n').filter((l) => /^\s*#/.test(l)).join('\n');

function engineeredColumn(drawText: string, code: string): { col: string; imputed: boolean } | null {
  // Columns the drawing reads: quoted (df['Age'], x='Age') or as attributes (df.Age.hist()).
  const quoted = [...drawText.matchAll(/['"]([^'"\n]{1,60})['"]/g)].map((m) => m[1]);
  const attrs = [...drawText.matchAll(/\b[A-Za-z_]\w*\.([A-Z]\w*)\b/g)].map((m) => m[1]);
  const cols = [...new Set([...quoted, ...attrs])].slice(0, 30);
  for (const col of cols) {
    const esc = col.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const target = `(?:\\[\\s*['"]${esc}['"]\\s*\\]|\\.${esc}\\b)`;
    // The right-hand side, with its continuation lines (backslash or indented method chains).
    const assign = new RegExp(`${target}\\s*=(?!=)([^\\n]*(?:\\n[ \\t.][^\\n]*)*)`, 'g');
    // In-place imputation, or values replaced through .loc (capping, corrections): changed data.
    const inplace = new RegExp(`${target}\\s*\\.(fillna\\([^)'"]*(median|mean|mode|method)|interpolate\\()|\\.loc\\[[^\\]\\n]*,\\s*['"]${esc}['"]\\s*\\]\\s*=(?!=)`);
    if (inplace.test(code)) return { col, imputed: true };
    for (const m of code.matchAll(assign)) {
      // Type fixes and string clean-up leave the data as it was; imputation and new features change it.
      if (!/^\s*(pd\.)?(to_datetime|to_numeric)\(|^\s*\S+\.astype\([^)]*\)\s*$|\.str\.(strip|lower|upper)\(\)\s*$/.test(m[1])) {
        // Filling with a constant label ('Unknown') tidies the data for display; with a statistic it imputes.
        if (/fillna\(\s*['"]/.test(m[1])) continue;
        return { col, imputed: /fillna|interpolate|impute/i.test(m[1]) };
      }
    }
  }
  return null;
}

export interface StageInput {
  chartType: ChartType;
  calls: ResolvedCall[];
  drawCalls: ResolvedCall[];
  code: string;
  markdown: string;
}

export interface StageResult { value: MlStage; confidence: number; evidence: string }

export function stageOfFigure(input: StageInput): StageResult {
  const { chartType: chart, calls, code } = input;
  const sig = callSignals(calls);
  const words = wordSignals(code);
  const drawText = input.drawCalls.map((c) => [c.text, ...c.args, ...Object.values(c.kwargs)].join(' ')).join('\n');
  const r = (value: MlStage, confidence: number, evidence: string): StageResult => ({ value, confidence, evidence });

  if (chart === 'confusion_matrix' || chart === 'roc_curve' || chart === 'pr_curve') return r('model_evaluation', 0.95, `chart ${chart}`);
  if (chart === 'shap' || chart === 'feature_importance') return r('explainability', 0.95, `chart ${chart}`);
  if (chart === 'learning_curve') {
    return /learning_curve|LearningCurve/.test(code) && !words.has('history')
      ? r('model_evaluation', 0.7, 'score against training-set size')
      : r('training_monitoring', 0.9, 'metric per epoch');
  }
  if (chart === 'tree_or_graph') {
    if (/dendrogram|linkage/.test(code)) {
      return /\.corr\(|corrcoef/.test(code) ? r('data_exploration', 0.6, 'dendrogram of feature correlations') : r('model_evaluation', 0.5, 'dendrogram of a clustering');
    }
    if (sig.has('explain') || /plot_tree|export_graphviz|estimators_|tree_|dtreeviz|treeplot|plot_model|model_to_dot|DecisionTree|RandomForest|XGB|LGBM/.test(code)) return r('explainability', 0.85, 'model internals (tree)');
    return r('other', 0.5, 'a graph or diagram, not of a model');
  }
  if (sig.has('explain')) return r('explainability', 0.8, `call ${sig.get('explain')}`);
  const protectedSplit = STAGE_WORDS.find((w) => w.signal === 'protected')!.re.test(drawText);
  const aboutBias = /\b(bias(ed)?(?![- ]variance)|fairness|fair|discriminat\w*|disparit\w*|parity|equal(ized)? odds)\b/i.test(input.markdown + '\n' + code.split('\n').filter((l) => l.trim().startsWith('#')).join('\n'));
  if (protectedSplit && aboutBias && (sig.has('evaluate') || sig.has('train'))) {
    return r('fairness', 0.6, 'model results split by a protected group');
  }
  if (words.has('history') && (chart === 'line' || chart === 'other')) return r('training_monitoring', 0.75, 'training history');
  if (sig.has('evaluate')) return r('model_evaluation', 0.8, `call ${sig.get('evaluate')}`);
  if (sig.has('cluster')) return r('model_evaluation', 0.75, `clustering ${sig.get('cluster')}`);
  if (sig.has('train') && (words.has('sweep') || words.has('residual'))) return r('model_evaluation', 0.7, 'scores of fitted models');
  if (words.has('explained_variance')) return r('preprocessing', 0.8, 'explained variance (choosing components)');
  if (sig.has('project')) return r('data_exploration', 0.7, `projection ${sig.get('project')}`);
  if (sig.has('train')) return r('model_evaluation', 0.5, `fitted model ${sig.get('train')}`);
  // Scores typed in or gathered in loops (model comparisons, sweeps): the drawn variables say so.
  const drawnNames = drawText.replace(/(['"])(?:(?!\1).)*\1/g, '');
  const metricVar = /\b(train_|test_|val_|valid_|cv_|mean_)?(scores|accuracy|accuracies|auc|rmse|mse|mae|f1|r2|error_rate|losses|cv_results_)(_(list|values|mean|std|train|test))?\b/.exec(drawnNames);
  if (metricVar) return r('model_evaluation', 0.55, `drawn variable ${metricVar[0]}`);
  if (/read_\w+\([^)]*(submission|oof)[^/)]*\.(csv|parquet|feather)/i.test(code)) return r('model_evaluation', 0.55, 'reads saved predictions');
  const predVar = /\b(y_pred\w*|y_hat|yhat|preds?|predictions?|predicted|oof\w*|submissions?|residuals?|forecast)\b/i.exec(drawnNames);
  if (predVar) return r('model_evaluation', 0.55, `drawn predictions ${predVar[0]}`);
  if (sig.has('transform') || /\b(np|numpy)\.(log1?p?|sqrt|cbrt)\(|boxcox/.test(drawText)) return r('preprocessing', 0.65, `transformed data ${sig.get('transform') ?? ''}`.trim());
  const outlierWords = /outliers?[\s_]+(were\s+|are\s+|have been\s+)?(removed|removal|treatment|treated|handled|handling|clipped|capped)|(remov|drop|clip|cap|treat|handl)\w*[\s_]+(the[\s_]+)?outliers?/i;
  const treated = /\.drop\([^)]*index|=\s*(\w+)(\.loc)?\[\s*\(?\s*~?\s*\(?\s*\1\s*[[.]|\.clip\(|\.loc\[[^\]]*[<>][^\]]*\]\s*=(?!=)|remove_outlier|\bwinsori[sz]/;
  if (outlierWords.test(input.markdown + '\n' + code) && treated.test(code)) return r('preprocessing', 0.55, 'data after outlier treatment');
  // A feature built for the model (said so in the text or comments), not a column derived to describe the data.
  // A column built or imputed for the model: imputation always, new columns when the text says it engineers features.
  const engineered = engineeredColumn(drawText, code);
  const aboutFeatures = /feature engineering|new features?|engineered|creat\w* (a |some )?(new )?(features?|variables?)|imput\w+|missing values?|fill(ing|ed)? (in )?(the )?(missing|nan|null)/i.test(input.markdown + '\n' + comments(code));
  if (engineered && (engineered.imputed || aboutFeatures)) return r('preprocessing', 0.5, `${engineered.imputed ? 'imputed' : 'engineered'} column '${engineered.col}'`);
  // The text around a figure names model stages often without the figure being one: trust it only
  // when the figure's data involves a model (preprocessing phrases stand on their own).
  const md = MARKDOWN_STAGE.find(([re, stage]) => re.test(input.markdown) && (stage === 'preprocessing' || sig.has('train')));
  if (md && md[1] !== 'fairness') return r(md[1], 0.45, `markdown mentions ${md[0].exec(input.markdown)?.[0]}`);
  // Pictures that are not charts of data (an image file, a video thumbnail) and values typed into the
  // code (demonstrations, illustrations) are 'other'.
  if (chart === 'other' && /\b(YouTubeVideo|cv2_imshow)\(|\bImage\(\s*(filename\s*=\s*|url\s*=\s*)?['"][^'"]+\.(png|jpe?g|gif)['"]|\bImage\.open\(|imread\(/.test(code)) {
    return r('other', 0.6, 'a picture, not a chart of data');
  }
  const readsData = sig.has('data') || /read_\w+\(|load_\w+\(|\.(csv|parquet|json|xlsx?|feather|npy|npz|pkl)\b|kaggle\/input|open\(|datasets\.|\bfetch_|Dataset\(|DataLoader\(|glob\(|listdir\(|imread\(/.test(code);
  // The slice may miss where data came from: only code that names no data set at all is an illustration.
  const namesData = /\b(df|data|dataset|train|test|valid|X|y|images?|sequences?|text|corpus|frames?|video)\w*\b/i.test(code);
  if (!readsData && !namesData && !sig.has('train') && !sig.has('evaluate')) return r('other', 0.5, 'no data read: synthetic or typed-in values (illustration)');
  return r('data_exploration', 0.7, 'plot of data');
}
