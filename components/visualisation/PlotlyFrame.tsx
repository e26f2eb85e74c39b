'use client';
import { useEffect, useRef, useState } from 'react';
import { PLOTLY_SANDBOX, plotlyDocument } from './figure-document';

/**
 * A plotly figure from a notebook, drawn by our own copy of plotly.js inside a sandboxed iframe
 * (scripts allowed, but in a unique origin: no access to this page, its cookies or its API; its CSP
 * allows only plotly.js and our one inline script, and no network: see figure-document.ts). The
 * notebook's figure arrives as data through postMessage; none of the notebook's own code or HTML is
 * ever run.
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
  return <iframe ref={frame} title="plotly figure" sandbox={PLOTLY_SANDBOX} srcDoc={plotlyDocument({ plotlySrc: `${origin}/api/vendor/plotly` })} style={{ width: '100%', height, border: 0 }} />;
}
