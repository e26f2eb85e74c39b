// labelVisualisationWithImage: the code labels first; the image only where they stay open. OCR
// (~1 s an image) runs when the chart type or stage is uncertain; the panel count (a few ms) when
// the code cannot tell whether the figure has several axes.
import type { ChartType, LabelInput, MlStage, VisualisationLabels } from '../types';
import { labelVisualisation, OPEN_BELOW, stageFor } from './label';
import { measureLayout } from './layout';
import { ocrText } from './ocr';

/** Words on a chart that name what it shows (axis titles sklearn, keras and shap put there by default). */
const OCR_CHART: Array<[RegExp, ChartType, MlStage]> = [
  [/true positive rate|false positive rate|\broc\b/i, 'roc_curve', 'model_evaluation'],
  [/precision[\s\S]{0,200}recall|recall[\s\S]{0,200}precision/i, 'pr_curve', 'model_evaluation'],
  [/predicted\s*(label|class|values?)?[\s\S]{0,300}(true|actual)\s*(label|class)|(true|actual)\s*label[\s\S]{0,300}predicted/i, 'confusion_matrix', 'model_evaluation'],
  [/shap value/i, 'shap', 'explainability'],
  [/feature importance|importance score|f score/i, 'feature_importance', 'explainability'],
  [/\bepochs?\b/i, 'learning_curve', 'training_monitoring'],
  [/training examples|training set size/i, 'learning_curve', 'model_evaluation'],
  [/correlation/i, 'heatmap', 'data_exploration'],
  [/sample quantiles|theoretical quantiles/i, 'qq_plot', 'data_exploration'],
  [/residuals?/i, 'scatter', 'model_evaluation'],
];

export interface ImageInput { png: Buffer }

/** The figure's raster image from its MIME bundle (PNG or JPEG, base64), or null. */
export function imageOf(data: Record<string, unknown>): ImageInput | null {
  for (const mime of ['image/png', 'image/jpeg']) {
    const v = data[mime];
    const b64 = Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '';
    if (b64.trim()) return { png: Buffer.from(b64.replace(/\s+/g, ''), 'base64') };
  }
  return null;
}

/** `image` undefined: taken from the figure's own output; null: no image (labels from code only). */
export async function labelVisualisationWithImage(input: LabelInput, image?: ImageInput | null): Promise<VisualisationLabels> {
  const labels = labelVisualisation(input);
  if (image === undefined) image = imageOf(input.figure.data);
  if (!image) return labels;
  const out: VisualisationLabels = { ...labels, evidence: [...labels.evidence] };

  if (labels.multiPanel.confidence < 0.6) {
    try {
      const layout = await measureLayout(image.png);
      out.multiPanel = { value: layout.panels > 1, confidence: 0.7 };
      out.evidence.push(`image: ${layout.panels} panel(s)`);
    } catch (e) {
      out.evidence.push(`image layout failed: ${(e as Error).message}`);
    }
  }

  if (labels.chartType.confidence < OPEN_BELOW || labels.mlStage.confidence < OPEN_BELOW) {
    let text = '';
    try {
      text = await ocrText(image.png);
    } catch (e) {
      out.evidence.push(`OCR failed: ${(e as Error).message}`);
      return out;
    }
    out.usedOcr = true;
    const hit = OCR_CHART.find(([re]) => re.test(text));
    if (hit) {
      const word = hit[0].exec(text)?.[0].replace(/\s+/g, ' ').slice(0, 40);
      out.evidence.push(`OCR: '${word}'`);
      if (labels.chartType.confidence < OPEN_BELOW) {
        out.chartType = { value: hit[1], confidence: 0.6 };
        // A chart type with a stage of its own (ROC, SHAP, ...) settles the stage as well.
        const stage = stageFor(input, hit[1]);
        if (stage.confidence >= 0.9) out.mlStage = { value: stage.value, confidence: 0.6 };
      }
      if (out.mlStage.confidence < OPEN_BELOW) out.mlStage = { value: hit[2], confidence: 0.55 };
    } else {
      out.evidence.push('OCR: no telling words');
    }
  }
  return out;
}
