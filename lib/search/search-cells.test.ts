import { describe, expect, it } from 'vitest';
import { highlightsOf } from './search-cells';

describe('highlightsOf', () => {
  it('turns ts_headline markers into plain text and offsets', () => {
    const r = highlightsOf('we draw a \u0001heatmap\u0002 of the \u0001correlations\u0002 <b>here</b>');
    expect(r.snippet).toBe('we draw a heatmap of the correlations <b>here</b>');
    expect(r.highlights.map(([a, b]) => r.snippet.slice(a, b))).toEqual(['heatmap', 'correlations']);
  });
});
