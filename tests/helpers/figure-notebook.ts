// A small notebook with one figure of each interactive kind the renderer draws, written here (not
// taken from the corpus) so the test says exactly what it feeds in.

const plotly = {
  data: [{ type: 'bar', x: ['a', 'b', 'c'], y: [3, 7, 5], marker: { color: '#d62728' } }],
  layout: { title: { text: 'Plotly bars' }, width: 500, height: 320 },
};

const vegaLite = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: { values: [{ k: 'x', v: 4 }, { k: 'y', v: 9 }, { k: 'z', v: 2 }] },
  mark: 'bar',
  encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' }, color: { value: '#2ca02c' } },
};

// A bokeh 3 document as bokeh.io.show writes it in a notebook: the exec MIME is an empty marker, the
// document is JSON inside the script beside it.
const obj = (name: string, id: string, attributes: Record<string, unknown>) => ({ type: 'object', name, id, attributes });
const bokehDocs = {
  d1: {
    version: '3.7.3',
    title: 'Bokeh Application',
    roots: [
      obj('Figure', 'p1', {
        width: 360,
        height: 240,
        x_range: obj('Range1d', 'p2', { start: 0, end: 4 }),
        y_range: obj('Range1d', 'p3', { start: 0, end: 10 }),
        renderers: [
          obj('GlyphRenderer', 'p4', {
            data_source: obj('ColumnDataSource', 'p5', { data: { type: 'map', entries: [['x', [1, 2, 3]], ['top', [3, 8, 5]]] } }),
            glyph: obj('VBar', 'p6', { x: { type: 'field', field: 'x' }, top: { type: 'field', field: 'top' }, width: { type: 'value', value: 0.6 }, fill_color: { type: 'value', value: '#1f77b4' } }),
          }),
        ],
      }),
    ],
  },
};
/** The bokeh figure as the extractor stores it (blue bars). */
export const bokehFigure = { docs_json: bokehDocs, render_items: [{ docid: 'd1', roots: { p1: 'el' }, root_ids: ['p1'] }], version: '3.7.3' };

const bokehScript = `(function(root) {
  function embed_document(root) {
  const docs_json = ${JSON.stringify(bokehDocs)};
  const render_items = [{"docid":"d1","roots":{"p1":"0b6e4d0c-1"},"root_ids":["p1"]}];
  void root.Bokeh.embed.embed_items_notebook(docs_json, render_items);
  }
  if (root.Bokeh !== undefined) { embed_document(root); }
})(window);`;

const out = (data: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({ output_type: 'display_data', metadata, data });
const code = (source: string, outputs: unknown[]) => ({ cell_type: 'code', metadata: {}, execution_count: 1, source, outputs });

/** The notebook; `spy` (a URL) is referenced by the plotly figure, so a test can see nothing fetched it. */
export function figureNotebook(spy: string): Buffer {
  const plotlyWithImage = { ...plotly, layout: { ...plotly.layout, images: [{ source: `${spy}/logo.png`, x: 0, y: 1, sizex: 0.2, sizey: 0.2 }] } };
  const cells = [
    code('px.bar(df)', [out({ 'application/vnd.plotly.v1+json': plotlyWithImage, 'text/plain': 'Figure' })]),
    code('alt.Chart(df).mark_bar()', [out({ 'application/vnd.vegalite.v5+json': vegaLite, 'text/plain': 'alt.Chart(...)' })]),
    code('show(p)', [out({ 'application/javascript': bokehScript, 'application/vnd.bokehjs_exec.v0+json': '' }, { 'application/vnd.bokehjs_exec.v0+json': { id: 'p1' } })]),
    // A plotly output whose figure is not a figure: it cannot be drawn, and says why.
    code('broken()', [out({ 'application/vnd.plotly.v1+json': { layout: {} }, 'text/plain': 'Figure' })]),
  ];
  const nb = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells };
  return Buffer.from(JSON.stringify(nb));
}
