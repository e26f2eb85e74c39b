'use client';
import type { VisualizationSpec } from 'vega-embed';
import { VegaChart } from '../charts/VegaChart';
import { SandboxedHtml } from '../notebook/SandboxedHtml';
import { PlotlyFrame } from './PlotlyFrame';
import { plainText } from '@/lib/text/plain-text';

/**
 * Interactive figures from notebook outputs. Vega and Vega-Lite specs are rendered by our own vega
 * with no network; plotly figures by our own plotly.js in a sandboxed frame; other HTML figures
 * (bokeh) with their scripts disabled, never run, beside their static image when there is one.
 */
export function InteractiveFigure({ kind, spec, fallbackSha }: { kind: string; spec: unknown; fallbackSha: string | null }) {
  if (kind === 'vega-lite' || kind === 'vega') return <VegaChart spec={spec as VisualizationSpec} label={`${kind} figure`} untrusted />;
  if (kind === 'plotly' && Array.isArray((spec as { data?: unknown })?.data)) {
    return (
      <div>
        <PlotlyFrame figure={spec} />
        <PlotlySummary kind={kind} spec={spec} />
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
