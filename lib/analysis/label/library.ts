// Library: the library whose call draws the figure. matplotlib calls that decorate a seaborn or pandas
// drawing do not count; a helper function is labelled with what it calls inside (its calls are in the
// slice, viaHelper); an interactive output names its own library.
import type { Library } from '../types';
import { type ClassifiedCall, LIB_RANK } from './classify';
import type { OutputFacts } from './output';

export interface LibraryGuess { value: Library; confidence: number; evidence: string }

export function libraryOf(draws: ClassifiedCall[], facts: OutputFacts, cellSource: string, mime = ''): LibraryGuess {
  if (facts.library) return { value: facts.library, confidence: 0.97, evidence: `output is ${facts.library}` };
  if (/^\s*%%R\b/m.test(cellSource)) return { value: 'other', confidence: 0.95, evidence: '%%R cell' };
  let drawing = draws.filter((d) => !d.decor || d.lib !== 'matplotlib');
  // A raster image is not a bokeh or Vega-Lite output: their calls elsewhere in the cell drew other outputs.
  if (/^image\//.test(mime)) {
    const raster = drawing.filter((d) => d.lib !== 'bokeh' && d.lib !== 'altair');
    if (raster.length) drawing = raster;
  }
  if (!drawing.length) {
    if (/\bSVG\s*\(|display\s*\(\s*SVG|graphviz|Source\s*\(/.test(cellSource)) return { value: 'other', confidence: 0.7, evidence: 'SVG/graphviz display' };
    return { value: 'unknown', confidence: 0.2, evidence: 'no drawing call found' };
  }
  // Highest rank wins; among equals, the library with more drawing calls, then the first.
  const score = new Map<Library, number>();
  for (const d of drawing) score.set(d.lib, (score.get(d.lib) ?? 0) + (d.chart ? 1 : 0.5));
  let best = drawing[0].lib;
  for (const [lib, n] of score) {
    const b = score.get(best)!;
    if (LIB_RANK[lib] > LIB_RANK[best] || (LIB_RANK[lib] === LIB_RANK[best] && n > b)) best = lib;
  }
  const rivals = [...score.keys()].filter((l) => l !== best && LIB_RANK[l] === LIB_RANK[best]);
  const first = drawing.find((d) => d.lib === best)!;
  return { value: best, confidence: rivals.length ? 0.7 : 0.93, evidence: `call ${first.name}` };
}
