import { describe, expect, it } from 'vitest';
import { bokehFigureFromScript } from '../extract/bokeh-from-script';
import { figureSource } from './figure-source';

const docs = { d1: { version: '3.7.3', title: 't', roots: [{ type: 'object', name: 'Figure', id: 'p1', attributes: { title: 'a "quoted"; const x = {' } }] } };
const script = `(function(root) {\n  function embed_document(root) {\n  const docs_json = ${JSON.stringify(docs)};\n  const render_items = [{"docid":"d1","roots":{"p1":"el"},"root_ids":["p1"]}];\n  root.Bokeh.embed.embed_items_notebook(docs_json, render_items);\n  }\n})(window);`;

describe('bokehFigureFromScript', () => {
  it('reads the document and render items bokeh writes into its notebook script, as JSON', () => {
    expect(bokehFigureFromScript(script)).toEqual({ docs_json: docs, render_items: [{ docid: 'd1', roots: { p1: 'el' }, root_ids: ['p1'] }], version: '3.7.3' });
  });
  it('reads a standalone bokeh HTML document (docs_json in a JSON script element)', () => {
    const html = `<div id="el"></div><script type="application/json" id="j1">${JSON.stringify(docs)}</script><script>const render_items = [{"docid":"d1","roots":{"p1":"el"}}]; Bokeh.embed.embed_items(docs_json, render_items)</script>`;
    expect(bokehFigureFromScript(html)?.version).toBe('3.7.3');
  });
  it('returns null for what it cannot read as JSON', () => {
    expect(bokehFigureFromScript('const docs_json = JSON.parse(window.x); const render_items = [];')).toBeNull();
    expect(bokehFigureFromScript('')).toBeNull();
  });
});

describe('figureSource', () => {
  it('sizes a plotly figure by its layout, else as Jupyter shows it', () => {
    expect(figureSource('plotly', { data: [], layout: { width: 500, height: 300 } })).toMatchObject({ library: 'plotly', width: 500, height: 300 });
    expect(figureSource('plotly', { data: [] })).toMatchObject({ width: 900, height: 525 });
  });
  it('takes an old bokeh row’s document from its output script, and refuses bokeh 2 documents', () => {
    expect(figureSource('bokeh', '', { 'application/javascript': script })).toMatchObject({ library: 'bokeh' });
    const old = script.replace('"3.7.3"', '"2.4.3"');
    expect(() => figureSource('bokeh', '', { 'application/javascript': old })).toThrow('bokeh 2.4.3 document: BokehJS 3.x draws only bokeh 3.x documents');
  });
  it('says why a figure cannot be drawn', () => {
    expect(() => figureSource('plotly', { layout: {} })).toThrow('plotly figure without a data array');
    expect(() => figureSource('html', null)).toThrow('HTML figure without HTML');
    expect(() => figureSource('image', null)).toThrow('nothing to render for a image figure');
  });
});
