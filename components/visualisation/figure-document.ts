/**
 * The documents untrusted figures are drawn in, as pure functions of their input so the browser
 * (iframe srcdoc) and a server-side renderer (headless Chromium → PNG) use the very same document.
 *
 * Both are meant for an iframe whose sandbox has no `allow-same-origin` (a unique origin: no access
 * to the app's page, cookies, storage or API), no `allow-top-navigation`, `allow-forms`,
 * `allow-popups` or `allow-modals`. Their CSP blocks every request the document could make except
 * the one script we serve ourselves: no fetch/XHR/WebSocket, images, fonts, frames, forms or <base>.
 */

const BLOCK_ALL = "default-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'";

/** The sandbox attribute for the plotly frame: scripts (our plotly.js), nothing else. */
export const PLOTLY_SANDBOX = 'allow-scripts';
/** The sandbox attribute for HTML outputs: nothing at all, not even scripts. */
export const HTML_SANDBOX = '';

/**
 * A document that draws one plotly figure with our plotly.js (`plotlySrc`, an absolute URL). The
 * figure is data, never code: either `figure` inlined here (for a server-side render), or sent by
 * the parent page through postMessage once the frame says it is ready.
 */
export function plotlyDocument({ plotlySrc, figure }: { plotlySrc: string; figure?: unknown }): string {
  const csp = `${BLOCK_ALL}; script-src ${attr(plotlySrc)} 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:`;
  // JSON with every '<' escaped cannot close the script element it sits in.
  const inline = figure === undefined ? 'null' : JSON.stringify(figure).replace(/</g, '\\u003c');
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
<style>html,body,#p{margin:0;width:100%;height:100%}</style><div id="p"></div>
<script src="${attr(plotlySrc)}"></script>
<script>
function draw(f) {
  if (!f || !window.Plotly) return;
  Plotly.newPlot('p', f.data || [], Object.assign({}, f.layout, { autosize: true }), { responsive: true, displaylogo: false, showLink: false, showSources: false, showEditInChartStudio: false, showSendToCloud: false });
}
// Links in figure text (plotly allows <a href>) would navigate this frame away: they do nothing.
document.addEventListener('click', function (e) { if (e.target.closest && e.target.closest('a')) e.preventDefault(); }, true);
var inline = ${inline};
if (inline) draw(inline);
else {
  addEventListener('message', function (e) { if (e.source === parent) draw(e.data && e.data.figure); });
  parent.postMessage('vizmine-plotly-ready', '*');
}
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
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><body inert style="font:13px system-ui;margin:6px">${defused}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
