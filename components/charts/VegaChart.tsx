'use client';
import { VegaEmbed } from 'react-vega';
import type { VisualizationSpec } from 'vega-embed';
import { loader } from 'vega';

// Specs may come from notebooks: give vega a loader that fetches nothing, so a spec cannot
// pull data from, or send data to, anywhere. Our own chart specs carry their data inline.
const offline = loader();
offline.sanitize = async (uri: string) => {
  throw new Error(`external resources are disabled (${uri.slice(0, 80)})`);
};

/**
 * `ast: true` makes vega interpret expressions instead of compiling them with Function(): the page's
 * CSP (next.config.mjs) allows no eval, and a notebook's spec then never becomes code.
 * `untrusted` for specs from notebooks: their `usermeta.embedOptions` would override our options
 * (vega-embed merges them; "View Source" then document.writes into a same-origin window), and
 * tooltips render image URLs without the loader, so both are removed.
 */
export function VegaChart({ spec, label, untrusted = false }: { spec: VisualizationSpec; label?: string; untrusted?: boolean }) {
  const safe = untrusted ? withoutUsermeta(spec) : spec;
  return (
    <div role="figure" aria-label={label}>
      <VegaEmbed spec={safe} options={{ actions: false, renderer: 'svg', loader: offline, tooltip: !untrusted, ast: true }} style={{ width: '100%' }} />
    </div>
  );
}

function withoutUsermeta(spec: VisualizationSpec): VisualizationSpec {
  const copy = structuredClone(spec) as Record<string, unknown>;
  delete copy.usermeta;
  return copy as VisualizationSpec;
}
