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

export function VegaChart({ spec, label }: { spec: VisualizationSpec; label?: string }) {
  return (
    <div role="figure" aria-label={label}>
      <VegaEmbed spec={spec} options={{ actions: false, renderer: 'svg', loader: offline }} style={{ width: '100%' }} />
    </div>
  );
}
