'use client';
import type { VisualizationSpec } from 'vega-embed';
import { VegaChart } from '../charts/VegaChart';
import { SandboxedHtml } from '../notebook/SandboxedHtml';

/**
 * Interactive figures from notebook outputs. Vega and Vega-Lite specs are rendered by our own
 * vega with no network; plotly specs are summarised with their static image when the output had
 * one; HTML figures are shown with their scripts disabled (never run).
 */
export function InteractiveFigure({ kind, spec, fallbackSha }: { kind: string; spec: unknown; fallbackSha: string | null }) {
  if (kind === 'vega-lite' || kind === 'vega') return <VegaChart spec={spec as VisualizationSpec} label={`${kind} figure`} />;
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
  const text = typeof title === 'string' ? title : title?.text;
  return (
    <p className="sub">
      {kind} figure{text ? ` “${text}”` : ''}
      {traces.length ? ` — ${traces.length} trace${traces.length > 1 ? 's' : ''}: ${[...new Set(traces)].join(', ')}` : ''}
    </p>
  );
}
