// Multi-panel from the code: one image with several subplot axes (taxonomy). A pairplot's grid is the
// chart itself (not multi-panel); a twin axis is an overlay (not multi-panel); an image grid is.
import type { ResolvedCall } from '../types';
import { fullName, receiverOf } from './names';

export interface PanelGuess { value: boolean; confidence: number; evidence: string }

/** Integer value of a literal argument, or NaN when it is an expression. */
const int = (s: string | undefined): number => (s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

function gridSize(rows: string | undefined, cols: string | undefined): number {
  const r = rows === undefined ? 1 : int(rows);
  const c = cols === undefined ? 1 : int(cols);
  return Number.isNaN(r) || Number.isNaN(c) ? NaN : r * c;
}

/** Size of the grid a call lays out, or undefined when it is not a layout call. */
function layoutSize(call: ResolvedCall, name: string): number | undefined {
  const a = call.attr;
  if (/^(subplots|make_subplots)$/.test(a) || /make_subplots$/.test(name)) {
    return gridSize(call.kwargs.nrows ?? call.kwargs.rows ?? call.args[0], call.kwargs.ncols ?? call.kwargs.cols ?? call.args[1]);
  }
  if (/^(subplot|add_subplot)$/.test(a)) {
    const only = call.args.length === 1 ? call.args[0].trim() : '';
    if (/^\d{3}$/.test(only)) return Number(only[0]) * Number(only[1]);
    if (call.args.length >= 2) return gridSize(call.args[0], call.args[1]);
    return undefined;
  }
  if (a === 'subplot2grid' || a === 'add_gridspec' || a === 'GridSpec' || a === 'subplot_mosaic') return 2;
  return undefined;
}

export function multiPanelFromCalls(draws: ResolvedCall[], all: ResolvedCall[]): PanelGuess {
  // The figure's own calls, and those inside the helpers it calls (a helper often lays out the axes).
  const calls = draws.length ? [...draws, ...all.filter((c) => c.viaHelper)] : all;
  let unknownGrid = false;
  const subplotSpecs = new Set<string>();
  for (const c of calls) {
    const name = fullName(c);
    const size = layoutSize(c, name);
    if (size !== undefined) {
      if (Number.isNaN(size)) unknownGrid = true;
      else if (size > 1) {
        // plt.subplot(2,2,i) in a loop, or two subplot specs, or subplots(2,2): several axes in one image.
        if (/^(subplots|make_subplots|subplot2grid|add_gridspec|GridSpec|subplot_mosaic)$/.test(c.attr) || /make_subplots$/.test(name)) {
          return { value: true, confidence: 0.95, evidence: `${c.attr}(${c.args.join(', ')}) lays out several axes` };
        }
        subplotSpecs.add(c.args.join(','));
        if (c.args.some((x) => /[a-z_]/i.test(x))) unknownGrid = true;
      }
    }
    if (/^seaborn\.(catplot|relplot|displot|lmplot|FacetGrid|factorplot)$/.test(name) && (c.kwargs.col || c.kwargs.row)) {
      return { value: true, confidence: 0.9, evidence: `${c.attr} with col/row facets` };
    }
    if (/\.plot$/.test(name) && /True/.test(c.kwargs.subplots ?? '')) {
      return { value: true, confidence: 0.9, evidence: 'plot(subplots=True)' };
    }
    if (c.attr === 'hist' && /^pandas\.DataFrame\.hist$/.test(name) && c.kwargs.column === undefined) {
      return { value: true, confidence: 0.85, evidence: 'DataFrame.hist draws one panel per column' };
    }
    if (c.attr === 'hist' && !/^(pandas|matplotlib)\./.test(name)) {
      // Unresolved `x.hist()`: a whole frame (not one selected column) gets one panel per column.
      const recv = receiverOf(c);
      const oneColumn = /\[\s*['"][^'"]+['"]\s*\]$|\.\w+$/.test(recv) && !/^(df|data|train|test)\w*$/i.test(recv);
      if (recv && !/^(ax|axes|plt)/.test(recv) && c.args.length === 0 && c.kwargs.column === undefined && !oneColumn && /^\w+$|\[\s*\[/.test(recv)) {
        return { value: true, confidence: 0.6, evidence: `${recv}.hist() on a frame` };
      }
    }
    if (/^missingno\.|^seaborn\.(pairplot|PairGrid|jointplot|JointGrid|clustermap)$/.test(name)) {
      return { value: false, confidence: 0.85, evidence: `${c.attr} is one chart` };
    }
    if (/^shap\.(summary_plot|plots\.beeswarm|force_plot|plots\.bar|dependence_plot)$/.test(name)) return { value: false, confidence: 0.8, evidence: 'one SHAP plot' };
  }
  if (subplotSpecs.size > 1 || (subplotSpecs.size === 1 && unknownGrid)) return { value: true, confidence: 0.85, evidence: 'several subplot() axes' };
  if (subplotSpecs.size === 1) return { value: true, confidence: 0.6, evidence: 'a subplot() of a grid' };
  if (unknownGrid) return { value: true, confidence: 0.55, evidence: 'subplot grid of computed size' };
  return { value: false, confidence: 0.75, evidence: 'no subplot layout in the code' };
}
