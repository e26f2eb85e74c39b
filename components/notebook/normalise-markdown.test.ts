import { describe, expect, it } from 'vitest';
import { normaliseMarkdown } from './normalise-markdown';

describe('normaliseMarkdown', () => {
  it('turns classic-Jupyter headings without a space into CommonMark headings', () => {
    expect(normaliseMarkdown('###Kaggle Competition\ntext')).toBe('### Kaggle Competition\ntext');
    expect(normaliseMarkdown('## Already fine')).toBe('## Already fine');
  });
  it('leaves hashtags in text and code fences alone', () => {
    expect(normaliseMarkdown('a #hashtag')).toBe('a #hashtag');
    expect(normaliseMarkdown('```\n#comment\n```\n#Title')).toBe('```\n#comment\n```\n# Title');
  });
  it('makes a line of only $$…$$ display math, as Jupyter shows it', () => {
    expect(normaliseMarkdown('Sum:\n$$\\sum_k k$$\nend')).toBe('Sum:\n$$\n\\sum_k k\n$$\nend');
    expect(normaliseMarkdown('inline $$a$$ stays')).toBe('inline $$a$$ stays');
    expect(normaliseMarkdown('```\n$$x$$\n```')).toBe('```\n$$x$$\n```');
  });
});
