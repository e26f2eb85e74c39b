'use client';
import { useEffect, useRef, useState } from 'react';
import { FIGURE_SANDBOX, LIBRARY_SCRIPTS, figureDocument, type FigureLibrary } from '@/lib/figures/figure-document';

/**
 * A plotly or bokeh figure from a notebook, drawn by our own copy of its library (npm) inside a
 * sandboxed iframe: scripts run in a unique origin with no access to this page, its cookies or its
 * API, and the document's CSP allows only our library and no network (lib/figures/figure-document.ts,
 * the document the background renderer draws too). The figure arrives as data through postMessage;
 * none of the notebook's own code or HTML is ever run.
 */
export function FigureFrame({ library, figure, height }: { library: Exclude<FigureLibrary, 'vega'>; figure: unknown; height: number }) {
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
  const doc = figureDocument({ library, scriptSrcs: LIBRARY_SCRIPTS[library].map((n) => `${origin}/api/vendor/${n}`) });
  return (
    <>
      <iframe ref={frame} title={`${library} figure`} sandbox={FIGURE_SANDBOX} srcDoc={doc} style={{ width: '100%', height, border: 0, background: '#fff' }} />
      {failed && <p className="sub">{library === 'plotly' ? 'plotly.js' : 'BokehJS'} could not draw this figure: {failed}</p>}
    </>
  );
}
