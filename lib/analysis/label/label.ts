// labelVisualisation: the four labels of one figure from its code, its output and the text around it.
// Synchronous and cheap (no image work); labelVisualisationWithImage adds OCR/layout where this leaves
// a label open.
import type { ChartType, LabelInput, ResolvedCall, VisualisationLabels } from '../types';
import { chartFromDraws, refineChart } from './chart';
import { classifyCall, type ClassifiedCall } from './classify';
import { libraryOf } from './library';
import { outputFacts } from './output';
import { multiPanelFromCalls } from './panels';
import { callsInSource } from './source-calls';
import { stageOfFigure } from './stage';

/** Below this, a label is "open": the image (OCR, panel count) is worth a look. */
export const OPEN_BELOW = 0.5;

const classified = (calls: ResolvedCall[]) => calls.map(classifyCall).filter((c): c is ClassifiedCall => c !== null);

/** The classified calls that drew the figure, and the raw calls they came from (for the panel rules). */
function classifyAll(input: LabelInput): { draws: ClassifiedCall[]; raw: ResolvedCall[]; fromSource: boolean } {
  const own = classified(input.drawCalls);
  // A call of a plotting package outside matplotlib draws even when its chart is not known.
  const draws = (cs: ClassifiedCall[]) => cs.some((c) => c.chart || (c.lib !== 'matplotlib' && c.lib !== 'unknown'));
  if (draws(own)) return { draws: own, raw: input.drawCalls, fromSource: false };
  // Helpers and loose slices: fall back on every call of the slice when the figure's own calls draw nothing.
  const mine = new Set(input.drawCalls.map((c) => `${c.cell}:${c.line}:${c.text}`));
  const all = [...own, ...classified(input.calls.filter((c) => !mine.has(`${c.cell}:${c.line}:${c.text}`)))];
  if (draws(all)) return { draws: all, raw: input.drawCalls, fromSource: false };
  // Last resort: the calls written in the figure's own cell.
  const written = callsInSource(input.cellSource, input.figure.cell);
  const fromCell = classified(written);
  if (fromCell.some((c) => c.chart)) return { draws: fromCell, raw: written, fromSource: true };
  // ... then, for an image, those inside the functions and methods of the slice (a helper the resolver did not follow).
  if (/^image\//.test(input.figure.mime)) {
    const bodies = input.slice.code.split('\n').filter((l) => /^\s+\S/.test(l)).join('\n');
    const inHelpers = classified(callsInSource(bodies, input.figure.cell));
    if (inHelpers.some((c) => c.chart)) return { draws: inHelpers, raw: [], fromSource: true };
  }
  return { draws: all, raw: input.drawCalls, fromSource: false };
}

function dominantOutputChart(charts: ChartType[]): ChartType | null {
  if (!charts.length) return null;
  const counts = new Map<ChartType, number>();
  for (const c of charts) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** The figure's stage for a given chart type (the image may change the chart type). */
export function stageFor(input: LabelInput, chartType: ChartType) {
  const code = input.slice.code || input.cellSource;
  const markdown = `${input.markdownBefore}\n${input.markdownAfter}`;
  return stageOfFigure({ chartType, calls: input.calls, drawCalls: input.drawCalls, code, markdown });
}

export function labelVisualisation(input: LabelInput): VisualisationLabels {
  const code = input.slice.code || input.cellSource;
  const facts = outputFacts(input.figure.data);
  const evidence: string[] = [...facts.evidence];
  const found = classifyAll(input);
  const { raw, fromSource } = found;
  // geopandas frames are often unresolved: their .plot() in a slice that reads geodata draws a map.
  const geo = /\bgpd\.|\bgeopandas\b/.test(code);
  const draws = geo ? found.draws.map((d) => (d.lib === 'pandas' && d.call.attr === 'plot' ? { ...d, lib: 'other' as const, chart: 'map' as const } : d)) : found.draws;
  if (fromSource) evidence.push('drawing calls read from the cell source');

  // Chart type: the code's semantic rules first; the output's own traces/marks when the code is silent
  // or only says "line/scatter/bar" while the output is explicit.
  let chart = chartFromDraws(draws);
  if (chart && fromSource) chart = { ...chart, confidence: Math.min(chart.confidence, 0.6) };
  const outChart = dominantOutputChart(facts.charts);
  // An interactive output carries its chart: it outranks the calls, except for the charts named by their API.
  if (outChart && (!chart || !['confusion_matrix', 'roc_curve', 'pr_curve', 'learning_curve', 'feature_importance', 'shap', 'wordcloud', 'pair_grid', 'map', 'tree_or_graph', 'missing_values', 'qq_plot', 'table_image'].includes(chart.value))) {
    chart = { value: outChart, confidence: 0.9, evidence: [`output draws ${outChart}`] };
  }
  if (!chart) chart = { value: 'other', confidence: 0.15, evidence: ['no drawing call recognised'] };
  else chart = refineChart(chart, draws, input.calls, code);

  const library = libraryOf(draws, facts, input.cellSource, input.figure.mime);
  if (chart.value === 'wordcloud' && (library.value === 'matplotlib' || library.value === 'unknown')) {
    library.value = 'wordcloud';
    library.evidence = 'WordCloud renders the image';
  }
  evidence.push(`library: ${library.evidence}`);

  let panels = fromSource ? multiPanelFromCalls(raw, []) : multiPanelFromCalls(input.drawCalls, input.calls);
  if (facts.multiPanel !== undefined) panels = { value: facts.multiPanel, confidence: 0.9, evidence: 'output layout' };
  if (chart.value === 'pair_grid') panels = { value: false, confidence: 0.9, evidence: 'a pair grid is one chart' };
  // Raw samples drawn into several axes are an image grid (taxonomy).
  if (chart.value === 'other' && panels.value && chart.evidence.some((e) => e.includes('raw sample'))) chart = { value: 'image_grid', confidence: 0.7, evidence: [...chart.evidence, 'samples in several axes'] };
  if (chart.value === 'image_grid') panels = { value: true, confidence: 0.85, evidence: 'an image grid is multi-panel' };
  evidence.push(...chart.evidence, `panels: ${panels.evidence}`);

  const stage = stageFor(input, chart.value);
  evidence.push(`stage: ${stage.evidence}`);

  return {
    chartType: { value: chart.value, confidence: chart.confidence },
    library: { value: library.value, confidence: library.confidence },
    mlStage: { value: stage.value, confidence: stage.confidence },
    multiPanel: { value: panels.value, confidence: panels.confidence },
    evidence,
    usedOcr: false,
  };
}
