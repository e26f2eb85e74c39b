import path from 'node:path';

/**
 * Our own copies (from npm) of the libraries that draw notebook figures; the viewer's vendor route
 * and the renderer both serve these files, so a figure never loads anything from the network.
 * BokehJS 3.7.3 matches the bokeh outputs in the corpus (bokeh 3.x documents; 2.x ones are refused).
 */
const FILES: Record<string, string[]> = {
  plotly: ['plotly.js-dist-min', 'plotly.min.js'],
  vega: ['vega', 'build', 'vega.min.js'],
  'vega-lite': ['vega-lite', 'build', 'vega-lite.min.js'],
  'vega-embed': ['vega-embed', 'build', 'vega-embed.min.js'],
  bokeh: ['@bokeh', 'bokehjs', 'build', 'js', 'bokeh.min.js'],
};

export const vendorScriptNames = Object.keys(FILES);

/** The file of a vendor script, or null for a name we do not serve. */
export function vendorScriptFile(name: string, root = process.cwd()): string | null {
  const parts = Object.hasOwn(FILES, name) ? FILES[name] : null;
  return parts ? path.join(root, 'node_modules', ...parts) : null;
}

/** The BokehJS major version we serve: documents written by another major version do not load. */
export const BOKEH_MAJOR = 3;
