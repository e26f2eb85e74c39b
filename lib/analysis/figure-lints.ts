// Lints about figures: no title, no axis labels (where the library does not write them itself),
// drawn in a cell executed out of order, drawn in a cell that raised, the same image shown twice.
import { createHash } from 'node:crypto';
import type { NbCell } from '../notebooks';
import type { Lint } from './lints';
import type { TracedFigure } from './visualisations';

const TITLE = /^(title|set_title|suptitle|set_titles|set_suptitle)$/;
const AXIS_LABEL = /^(xlabel|ylabel|set_xlabel|set_ylabel|set_axis_labels|update_xaxes|update_yaxes|xaxis_title|yaxis_title)$/;
// Libraries that label the axes from the data's names (seaborn, pandas, plotly express, …).
const SELF_LABELLING = /^(seaborn\.|plotly\.express\.|pandas\.|altair\.|sklearn\.|shap\.|yellowbrick\.|scikitplot\.|missingno\.|xgboost\.|lightgbm\.|statsmodels\.)/;
// Drawings without x/y axes to label.
const AXISLESS = /(^|\.)(pie|imshow|matshow|axis|WordCloud|draw\w*|plot_tree|dendrogram|spy)$/;

export function figureLints(traced: TracedFigure[], cells: NbCell[], outOfOrder: Set<number>): Lint[] {
  const lints: Lint[] = [];
  const seen = new Map<string, string>();
  for (const t of traced) {
    const { cell, output } = t.figure;
    const where = `output ${output}`;
    const draws = t.drawCalls;
    const plotlyLayout = (t.figure.data['application/vnd.plotly.v1+json'] as { layout?: Record<string, unknown> } | undefined)?.layout;
    if (draws.length > 0) {
      const titled = draws.some((c) => TITLE.test(c.attr) || 'title' in c.kwargs) || Boolean(plotlyLayout?.title);
      if (!titled) lints.push({ rule: 'figure-without-title', cell, message: `${where}: the figure has no title` });
      const labelled = draws.some((c) => AXIS_LABEL.test(c.attr) || 'xlabel' in c.kwargs || 'ylabel' in c.kwargs || 'labels' in c.kwargs);
      const selfLabelled = draws.some((c) => SELF_LABELLING.test(c.name) || AXISLESS.test(c.name)) || Boolean(plotlyLayout);
      if (!labelled && !selfLabelled) lints.push({ rule: 'figure-without-axis-labels', cell, message: `${where}: the axes have no labels` });
    }
    if (outOfOrder.has(cell)) lints.push({ rule: 'figure-in-out-of-order-cell', cell, message: `${where}: drawn in a cell executed out of order` });
    if (cells[cell].outputs.some((o) => o.output_type === 'error')) {
      lints.push({ rule: 'figure-in-cell-with-error', cell, message: `${where}: drawn in a cell that raised an error` });
    }
    const payload = t.figure.data[t.figure.mime];
    const hash = createHash('sha256').update(typeof payload === 'string' ? payload : JSON.stringify(payload ?? null)).digest('hex');
    const first = seen.get(hash);
    if (first) lints.push({ rule: 'duplicate-figure', cell, message: `${where}: the same figure as ${first}` });
    else seen.set(hash, `cell ${cell} output ${output}`);
  }
  return lints;
}
