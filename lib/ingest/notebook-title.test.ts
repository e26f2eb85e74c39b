import { describe, expect, it } from 'vitest';
import type { ParsedNotebook } from '../notebooks/types';
import { notebookTitle } from './notebook-title';

const nb = (headings: string[], metadata: Record<string, unknown> = {}) =>
  ({ metadata, cells: headings.map((h) => ({ cell_type: 'markdown', source: h, outputs: [], metadata: {}, execution_count: null })) }) as unknown as ParsedNotebook;

describe('notebookTitle', () => {
  it('takes the Kaggle title first, decoding entities', () => {
    expect(notebookTitle(nb(['# Content']), 'a__b.ipynb')).toBe('a__b');
    expect(notebookTitle(nb([], { kaggle: { title: 'Titanic &amp; friends' } }), 'x.ipynb')).toBe('Titanic & friends');
  });
  it('falls back to a heading that reads as a title only for generic file names', () => {
    const headings = ['# Content', '## Introduction', "For now, let's take a look at the training data.", '# House <b>Prices</b> &amp; Regression'];
    expect(notebookTitle(nb(headings.map((h) => (h.startsWith('#') ? h : `# ${h}`))), 'dir/__notebook__.ipynb')).toBe('House Prices & Regression');
    expect(notebookTitle(nb(['# Content', '# SUBMISSION']), 'Untitled3.ipynb')).toBe('Untitled3');
  });
});
