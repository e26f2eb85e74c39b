/**
 * The documents untrusted interactive figures are drawn in, as pure functions of their input, so the
 * viewer (iframe srcdoc) and the background renderer (headless Chromium → PNG) draw the very same
 * document. (Engineer C's components/visualisation/figure-document.ts has the same shape for the
 * viewer's plotly and HTML frames: the two are meant to become one file.)
 *
 * Every document is meant for an iframe whose sandbox has no `allow-same-origin` (a unique origin: no
 * access to the app's page, cookies, storage or API). Its CSP blocks every request except the library
 * scripts we serve ourselves. The figure is data (JSON), never the notebook's own code.
 *
 * Protocol with the parent: with no inline figure, the document posts `vizmine-figure-ready` and
 * draws the `{ figure }` it is sent. Once drawn it posts `{ vizmine: 'drawn', width, height }`, or
 * `{ vizmine: 'failed', message }`.
 */

const BLOCK_ALL = "default-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'";

/** The sandbox attribute for frames that run our libraries: scripts, nothing else. */
export const FIGURE_SANDBOX = 'allow-scripts';
/** The sandbox attribute for HTML outputs: nothing at all, not even scripts. */
export const HTML_SANDBOX = '';

export type FigureLibrary = 'plotly' | 'vega' | 'bokeh';

/** Which of our scripts each library needs, in load order (names the vendor route serves). */
export const LIBRARY_SCRIPTS: Record<FigureLibrary, string[]> = {
  plotly: ['plotly'],
  vega: ['vega', 'vega-lite', 'vega-embed'],
  bokeh: ['bokeh'],
};

// Each drawer takes the figure and the element to draw in, and returns a promise.
const DRAW: Record<FigureLibrary, string> = {
  plotly: `function (f, el) {
    return Plotly.newPlot(el, f.data || [], Object.assign({}, f.layout, { autosize: true }), { responsive: true, displaylogo: false, showLink: false, showSendToCloud: false, showEditInChartStudio: false });
  }`,
  // usermeta.embedOptions would override ours (vega-embed merges them): dropped.
  vega: `function (f, el) {
    f = Object.assign({}, f);
    delete f.usermeta;
    return vegaEmbed(el, f, { actions: false, renderer: 'canvas', loader: { load: function () { return Promise.reject(new Error('no network')); } } });
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
    return Bokeh.embed.embed_items(f.docs_json, items);
  }`,
};

/**
 * A document that draws one figure with our copy of its library. `scriptSrcs` are absolute URLs of
 * the library's scripts (LIBRARY_SCRIPTS order). `figure` inlined draws at once (the renderer);
 * without it the parent sends it by postMessage (the viewer).
 */
export function figureDocument({ library, scriptSrcs, figure }: { library: FigureLibrary; scriptSrcs: string[]; figure?: unknown }): string {
  // Vega compiles its expressions with new Function: eval stays inside this scriptable, network-less frame.
  const evalSrc = library === 'vega' ? " 'unsafe-eval'" : '';
  const csp = `${BLOCK_ALL}; script-src ${scriptSrcs.map(attr).join(' ')} 'unsafe-inline'${evalSrc}; style-src 'unsafe-inline'; img-src data: blob:; font-src data:`;
  // JSON with every '<' escaped cannot close the script element it sits in.
  const inline = figure === undefined ? 'null' : JSON.stringify(figure).replace(/</g, '\\u003c');
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
<style>html,body{margin:0;background:#fff}#p{width:100%;height:100%}</style><div id="p"></div>
${scriptSrcs.map((s) => `<script src="${attr(s)}"></script>`).join('\n')}
<script>
var draw = ${DRAW[library]};
function report(msg) { parent.postMessage(msg, '*'); }
function run(f) {
  var el = document.getElementById('p');
  Promise.resolve().then(function () { return draw(f, el); })
    // Two frames: the figure's canvases are painted before the parent measures or screenshots.
    .then(function () { return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); }); })
    .then(function () {
      var box = el.firstElementChild ? el.firstElementChild.getBoundingClientRect() : el.getBoundingClientRect();
      report({ vizmine: 'drawn', width: Math.ceil(Math.max(box.right, el.scrollWidth)), height: Math.ceil(Math.max(box.bottom, el.scrollHeight)) });
    }, function (e) { report({ vizmine: 'failed', message: String(e && e.message || e) }); });
}
// Links in figure text would navigate this frame away: they do nothing.
document.addEventListener('click', function (e) { if (e.target.closest && e.target.closest('a')) e.preventDefault(); }, true);
addEventListener('error', function (e) { report({ vizmine: 'failed', message: String(e.message) }); });
var inline = ${inline};
if (inline) run(inline);
else {
  addEventListener('message', function (e) { if (e.source === parent && e.data && e.data.figure) run(e.data.figure); });
  report('vizmine-figure-ready');
}
</script>`;
}

/** A document showing untrusted HTML with nothing able to run or load (meant for sandbox=""). */
export function htmlDocument(html: string): string {
  const csp = `${BLOCK_ALL}; style-src 'unsafe-inline'; img-src data:; font-src data:`;
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><body style="font:13px system-ui;margin:6px;background:#fff">${html}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
