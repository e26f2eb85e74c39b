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
});
