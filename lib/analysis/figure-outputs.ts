// Which outputs of a cell are figures: lib/notebooks' outputFigure decides, the same decision the
// import (lib/extract) stores visualisations by, so analysis and import count the same figures.
import { outputFigure, type NbCell } from '../notebooks';

export interface FoundFigure {
  output: number;
  mime: string;
  data: Record<string, unknown>;
}

/** The figure outputs of one cell, in output order; one per output, its primary MIME chosen. */
export function figureOutputsOf(cell: NbCell): FoundFigure[] {
  return cell.outputs.flatMap((output, index) => {
    const figure = outputFigure(output);
    return figure ? [{ output: index, mime: figure.mime, data: output.data! }] : [];
  });
}
