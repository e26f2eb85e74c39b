// What the notebook's prose says: its heading outline, the sentences describing a figure, and
// mentions of ML testing properties.
import type { NbCell } from '../notebooks';
import { markdownContext } from '../extract/markdown-context';

export interface Heading {
  level: number;
  text: string;
  cell: number;
}
export interface Sentence {
  cell: number;
  text: string;
}
export interface TestingMention {
  property: TestingProperty;
  cell: number;
  text: string;
}

export const TESTING_PROPERTIES = ['fairness', 'bias', 'explainability', 'robustness', 'drift', 'leakage', 'overfitting', 'calibration'] as const;
export type TestingProperty = (typeof TESTING_PROPERTIES)[number];

// Stems and synonyms per property (word starts, case-insensitive).
const PROPERTY_PATTERNS: Record<TestingProperty, RegExp> = {
  fairness: /\b(fair(ness|ly)?\b|unfair|equali[sz]ed odds|equal opportunit|demographic parity|disparate impact|protected (group|attribute|class))/i,
  bias: /\b(bias(es|ed)?\b|debias|discriminat)/i,
  explainability: /\b(explainab|explanation|explain(ing)? (the )?(model|prediction)|interpretab|xai\b|shap\b|lime\b|feature importance|partial dependence)/i,
  robustness: /\b(robust|adversarial|perturb)/i,
  drift: /\b(drift|distribution shift|dataset shift|covariate shift)/i,
  leakage: /\b(leak)/i,
  overfitting: /\b(over-?fit|under-?fit)/i,
  calibration: /\b(calibrat|reliability (diagram|curve)|brier)/i,
};

const FIGURE_WORDS = /\b(plot|chart|figure|graph|shows?|showing|shown|distribution|visuali[sz]|histogram|heat ?map|scatter|bar|curve|matrix|see|observe|illustrat|depict|displays?|correlat|trend)/i;

/** The markdown text without code blocks, images and HTML tags: what a reader reads. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

export function sentencesOf(markdown: string): string[] {
  // Headings, list items and blank lines end a run of text; sentences end at . ! ?
  const chunks: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) chunks.push(run.join(' '));
    run = [];
  };
  for (const line of proseOf(markdown).split('\n')) {
    if (line.trim() === '') flush();
    else if (/^\s*(#|[-*+>]\s|\d+[.)]\s)/.test(line)) {
      flush();
      chunks.push(line);
    } else run.push(line);
  }
  flush();
  return chunks
    .flatMap((c) => c.split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/^[\s#>*+-]+/, '').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 2);
}

export function headingOutline(cells: NbCell[]): Heading[] {
  const out: Heading[] = [];
  cells.forEach((cell, i) => {
    if (cell.cell_type !== 'markdown') return;
    let fenced = false;
    for (const line of cell.source.split('\n')) {
      if (/^\s*```/.test(line)) fenced = !fenced;
      if (fenced) continue;
      const md = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
      const html = /<h([1-6])[^>]*>(.*?)<\/h\1>/i.exec(line);
      if (md) out.push({ level: md[1].length, text: clean(md[2]), cell: i });
      else if (html) out.push({ level: Number(html[1]), text: clean(html[2]), cell: i });
    }
  });
  return out.filter((h) => h.text !== '');
}

function clean(text: string): string {
  return text.replace(/<[^>]+>/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Sentences of the nearest markdown before and after a figure's cell that talk about a figure. */
export function figureSentences(cells: NbCell[], cell: number): Sentence[] {
  const { before, after } = markdownContext(cells, cell);
  const near = [...before.slice(-1), ...(after === null ? [] : [after])];
  return near.flatMap((i) => sentencesOf(cells[i].source).filter((s) => FIGURE_WORDS.test(s)).map((text) => ({ cell: i, text })));
}

export function testingMentions(cells: NbCell[]): TestingMention[] {
  const out: TestingMention[] = [];
  cells.forEach((cell, i) => {
    if (cell.cell_type !== 'markdown') return;
    for (const text of sentencesOf(cell.source)) {
      for (const property of TESTING_PROPERTIES) {
        if (PROPERTY_PATTERNS[property].test(text)) out.push({ property, cell: i, text: text.slice(0, 300) });
      }
    }
  });
  return out;
}

/** The markdown text of the nearest markdown cells before and after a cell (for the labeller). */
export function markdownAround(cells: NbCell[], cell: number): { before: string; after: string } {
  const { before, after } = markdownContext(cells, cell);
  return { before: before.map((i) => cells[i].source).join('\n\n'), after: after === null ? '' : cells[after].source };
}
