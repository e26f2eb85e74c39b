'use client';
import type { VisualizationSpec } from 'vega-embed';
import { VegaChart } from '../charts/VegaChart';
import { SandboxedHtml } from '../notebook/SandboxedHtml';
import { FigureFrame } from './FigureFrame';
import { plainText } from '@/lib/text/plain-text';

/**
 * Interactive figures from notebook outputs. Vega and Vega-Lite specs are rendered by our own vega
 * with no network; plotly and bokeh figures by our own plotly.js / BokehJS in sandboxed frames; other
 * HTML figures with their scripts disabled, never run. Where a figure cannot be drawn here (e.g. a
 * bokeh 2 document), its static image (its own, or the PNG rendered in the background) is shown.
 */
export function InteractiveFigure({ kind, spec, fallbackSha }: { kind: string; spec: unknown; fallbackSha: string | null }) {
  if (kind === 'vega-lite' || kind === 'vega') return <VegaChart spec={spec as VisualizationSpec} label={`${kind} figure`} untrusted />;
  if (kind === 'plotly' && Array.isArray((spec as { data?: unknown })?.data)) {
    return (
      <div>
        <FigureFrame library="plotly" figure={spec} height={440} />
        <PlotlySummary kind={kind} spec={spec} />
      </div>
    );
  }
  const bokeh = spec as { docs_json?: unknown; version?: string | null } | null;
  if (kind === 'bokeh' && bokeh?.docs_json && (!bokeh.version || bokeh.version.startsWith('3.'))) {
    return (
      <div>
        <FigureFrame library="bokeh" figure={spec} height={480} />
        <p className="sub">bokeh figure{bokeh.version ? ` (bokeh ${bokeh.version})` : ''}, drawn by BokehJS 3.7</p>
      </div>
    );
  }
  if (kind === 'html') {
    return (
      <div>
        <SandboxedHtml html={(spec as { html: string }).html} height={420} title="HTML figure (scripts disabled)" />
        <p className="sub">HTML figure: shown with its scripts disabled.</p>
      </div>
    );
  }
  return (
    <div>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      {fallbackSha && <img src={`/api/blobs/${fallbackSha}`} alt={`${kind} figure`} />}
      <PlotlySummary kind={kind} spec={spec} />
    </div>
  );
}

function PlotlySummary({ kind, spec }: { kind: string; spec: unknown }) {
  const data = (spec as { data?: { type?: string }[] })?.data;
  const traces = Array.isArray(data) ? data.map((t) => t?.type ?? 'scatter') : [];
  const title = (spec as { layout?: { title?: { text?: string } | string } })?.layout?.title;
  // plotly titles carry its limited HTML (<b>, <br>, &amp;): shown as plain text, never as markup.
  const raw = typeof title === 'string' ? title : title?.text;
  const text = typeof raw === 'string' ? plainText(raw) : '';
  return (
    <p className="sub">
      {kind} figure{text ? ` “${text}”` : ''}
      {traces.length ? ` — ${traces.length} trace${traces.length > 1 ? 's' : ''}: ${[...new Set(traces)].join(', ')}` : ''}
    </p>
  );
}
