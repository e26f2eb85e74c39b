'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * A plotly figure from a notebook, drawn by our own copy of plotly.js inside a sandboxed iframe
 * (scripts allowed, but in a unique origin: no access to this page, its cookies or its API; its CSP
 * allows only plotly.js and our one inline script, and no network). The notebook's figure arrives
 * as data through postMessage; none of the notebook's own code or HTML is ever run.
 */
export function PlotlyFrame({ figure, height = 440 }: { figure: unknown; height?: number }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source === frame.current?.contentWindow && e.data === 'vizmine-plotly-ready') {
        frame.current?.contentWindow?.postMessage({ figure }, '*'); // opaque origin: '*' is the only target
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [figure]);
  if (!origin) return null;
  return <iframe ref={frame} title="plotly figure" sandbox="allow-scripts" srcDoc={template(origin)} style={{ width: '100%', height, border: 0 }} />;
}

function template(origin: string): string {
  const csp = `default-src 'none'; script-src ${origin}/api/vendor/plotly 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:`;
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
<style>html,body,#p{margin:0;width:100%;height:100%}</style><div id="p"></div>
<script src="${origin}/api/vendor/plotly"></script>
<script>
addEventListener('message', function (e) {
  var f = e.data && e.data.figure;
  if (!f || !window.Plotly) return;
  Plotly.newPlot('p', f.data || [], Object.assign({}, f.layout, { autosize: true }), { responsive: true, displaylogo: false });
});
parent.postMessage('vizmine-plotly-ready', '*');
</script>`;
}
