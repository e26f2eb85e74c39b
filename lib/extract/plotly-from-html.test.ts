import { describe, expect, it } from 'vitest';
import { plotlyFigureFromHtml } from './plotly-from-html';

describe('plotlyFigureFromHtml', () => {
  it('reads data and layout from plotly offline output without running it', () => {
    const html = `<div id="x"></div><script>window.PLOTLYENV={};if (document.getElementById("x")) {
      Plotly.newPlot(   "x",   [{"type": "bar", "x": ["a", "b]"], "y": [1, 2], "name": "it's \\"quoted\\" {"}],
      {"title": {"text": "Sales"}}, {"responsive": true}).then(function(){});}</script>`;
    expect(plotlyFigureFromHtml(html)).toEqual({
      data: [{ type: 'bar', x: ['a', 'b]'], y: [1, 2], name: 'it\'s "quoted" {' }],
      layout: { title: { text: 'Sales' } },
    });
  });

  it('returns null when the arguments are not JSON', () => {
    expect(plotlyFigureFromHtml('<script>Plotly.newPlot("x", data, layout)</script>')).toBeNull();
    expect(plotlyFigureFromHtml('<table><tr><td>1</td></tr></table>')).toBeNull();
  });
});
