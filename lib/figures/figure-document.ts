/**
 * The documents untrusted figures are drawn in, as pure functions of their input, so the viewer
 * (iframe srcdoc) and the background renderer (headless Chromium → PNG, lib/render) draw the very
 * same document.
 *
 * Every document is meant for an iframe whose sandbox has no `allow-same-origin` (a unique origin: no
 * access to the app's page, cookies, storage or API), no `allow-top-navigation`, `allow-forms`,
 * `allow-popups` or `allow-modals`. Its CSP blocks every request except the library scripts we serve
 * ourselves: no fetch/XHR/WebSocket, images, fonts, frames, forms or <base>. The figure is data
 * (JSON), never the notebook's own code.
 *
 * Protocol with the parent: the document posts `vizmine-figure-ready`, then draws each `{ figure, id }`
 * it is sent, replacing the one before (the viewer sends one; the background renderer reuses a frame
 * for many, so the library is loaded once). Once drawn it posts `{ vizmine: 'drawn', id }`, or
 * `{ vizmine: 'failed', id, message }`.
 */

const BLOCK_ALL = "default-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'";

/** The sandbox attribute for frames that run our libraries: scripts, nothing else. */
export const FIGURE_SANDBOX = 'allow-scripts';
/** The sandbox attribute for HTML outputs: nothing at all, not even scripts. */
export const HTML_SANDBOX = '';

export type FigureLibrary = 'plotly' | 'vega' | 'bokeh';

/** Which of our scripts each library needs, in load order (names the vendor routes serve). */
export const LIBRARY_SCRIPTS: Record<FigureLibrary, string[]> = {
  plotly: ['plotly'],
  vega: ['vega', 'vega-lite', 'vega-embed'],
  bokeh: ['bokeh'],
};

// Each drawer takes the figure and a fresh element to draw in, and returns a promise of what its
// clearer needs to take the figure down again (listeners, timers) before the next one is drawn.
const DRAW: Record<FigureLibrary, string> = {
  // A layout image from anywhere but a data: URL cannot load here (the CSP) and would be drawn as a
  // broken-image icon inside the chart: the figure is drawn without it.
  plotly: `function (f, el) {
    var layout = Object.assign({}, f.layout, { autosize: true });
    if (Array.isArray(layout.images)) layout.images = layout.images.filter(function (im) { return im && typeof im.source === 'string' && /^data:/i.test(im.source); });
    return Plotly.newPlot(el, f.data || [], layout, { responsive: true, displaylogo: false, showLink: false, showSources: false, showEditInChartStudio: false, showSendToCloud: false })
      .then(function () { return function () { Plotly.purge(el); }; });
  }`,
  // usermeta.embedOptions would override ours (vega-embed merges them): dropped.
  vega: `function (f, el) {
    f = Object.assign({}, f);
    delete f.usermeta;
    return vegaEmbed(el, f, { actions: false, renderer: 'canvas', loader: { load: function () { return Promise.reject(new Error('no network')); } } })
      .then(function (r) { return function () { r.finalize(); }; });
  }`,
  // A bokeh figure is { docs_json, render_items } as bokeh writes them; each root gets a div of ours.
  bokeh: `function (f, el) {
    var items = (f.render_items || []).map(function (item, i) {
      var roots = {};
      Object.keys(item.roots || {}).forEach(function (id, j) {
        var div = document.createElement('div');
        div.id = 'bk-root-' + i + '-' + j;
        el.appendChild(div);
        roots[id] = div.id;
      });
      return Object.assign({}, item, { roots: roots, elementid: undefined });
    });
    // Nothing to clear: the renderer never reuses a bokeh frame (a document can carry CustomJS code).
    return Bokeh.embed.embed_items(f.docs_json, items).then(function () { return null; });
  }`,
};

/**
 * A document that draws figures with our copy of one library. `scriptSrcs` are absolute URLs of the
 * library's scripts (LIBRARY_SCRIPTS order); the figures arrive by postMessage.
 */
export function figureDocument({ library, scriptSrcs }: { library: FigureLibrary; scriptSrcs: string[] }): string {
  // Vega compiles its expressions with new Function: eval stays inside this scriptable, network-less frame.
  const evalSrc = library === 'vega' ? " 'unsafe-eval'" : '';
  const csp = `${BLOCK_ALL}; script-src ${scriptSrcs.map(attr).join(' ')} 'unsafe-inline'${evalSrc}; style-src 'unsafe-inline'; img-src data: blob:; font-src data:`;
  // plotly (responsive) fills its container, so the container is the whole frame; vega and bokeh draw at their own size.
  const fill = library === 'plotly' ? 'html,body{height:100%}' : '';
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
<style>html,body{margin:0;background:#fff}${fill}.p{width:100%;height:100%}</style>
${scriptSrcs.map((s) => `<script src="${attr(s)}"></script>`).join('\n')}
<script>
var draw = ${DRAW[library]};
var current = null;
function report(msg) { parent.postMessage(msg, '*'); }
function run(f, id) {
  if (current) {
    try { if (current.clear) current.clear(); } catch (e) {}
    current.el.remove();
  }
  var el = document.createElement('div');
  el.className = 'p';
  document.body.appendChild(el);
  var mine = current = { el: el, id: id, clear: null };
  Promise.resolve().then(function () { return draw(f, el); })
    .then(function (clear) {
      mine.clear = clear;
      // Two frames: the figure's canvases are painted before the parent screenshots them.
      return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); });
    })
    .then(function () { report({ vizmine: 'drawn', id: id }); }, function (e) { report({ vizmine: 'failed', id: id, message: String(e && e.message || e) }); });
}
// Links in figure text (plotly allows <a href>) would navigate this frame away: they do nothing.
document.addEventListener('click', function (e) { if (e.target.closest && e.target.closest('a')) e.preventDefault(); }, true);
addEventListener('error', function (e) { report({ vizmine: 'failed', id: current && current.id, message: String(e.message) }); });
addEventListener('message', function (e) { if (e.source === parent && e.data && e.data.figure) run(e.data.figure, e.data.id); });
report('vizmine-figure-ready');
</script>`;
}

/**
 * A document showing untrusted HTML with nothing able to run or load (meant for sandbox=""). Its
 * body is `inert`: a click on a link (even an SVG or MathML one) would navigate the frame itself to
 * another host, which neither the sandbox nor the CSP stops; with no script to lift it, nothing in
 * it can be clicked or selected. Nested frames and plugins are renamed away before parsing: blocked
 * by the CSP, a nested frame still has Chromium open a connection to its host.
 */
export function htmlDocument(html: string): string {
  const csp = `${BLOCK_ALL}; style-src 'unsafe-inline'; img-src data:; font-src data:`;
  const defused = html.replace(/<(\/?)(iframe|frame|frameset|object|embed|portal|fencedframe)(?=[\s/>])/gi, '<$1vizmine-removed-$2');
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><body inert style="font:13px system-ui;margin:6px;background:#fff">${defused}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
