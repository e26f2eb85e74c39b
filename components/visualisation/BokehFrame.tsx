'use client';
import { useEffect, useRef, useState } from 'react';
import { FIGURE_SANDBOX, LIBRARY_SCRIPTS, figureDocument } from '@/lib/render/figure-document';

/**
 * A bokeh figure from a notebook, drawn by our own BokehJS (npm) inside a sandboxed iframe: scripts
 * run in a unique origin with no access to this page, and the document's CSP allows only our BokehJS
 * and no network. The figure's document (JSON) arrives through postMessage; the notebook's own
 * script is never run. The same document draws the figure's PNG in the background (lib/render).
 */
export function BokehFrame({ figure, height = 480 }: { figure: unknown; height?: number }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.current?.contentWindow) return;
      if (e.data === 'vizmine-figure-ready') frame.current?.contentWindow?.postMessage({ figure }, '*'); // opaque origin: '*' is the only target
      else if (e.data?.vizmine === 'failed') setFailed(String(e.data.message));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [figure]);
  if (!origin) return null;
  const doc = figureDocument({ library: 'bokeh', scriptSrcs: LIBRARY_SCRIPTS.bokeh.map((n) => `${origin}/api/vendor/${n}`) });
  return (
    <>
      <iframe ref={frame} title="bokeh figure" sandbox={FIGURE_SANDBOX} srcDoc={doc} style={{ width: '100%', height, border: 0, background: '#fff' }} />
      {failed && <p className="sub">BokehJS could not draw this figure: {failed}</p>}
    </>
  );
}
