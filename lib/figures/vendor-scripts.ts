import fs from 'node:fs';
import path from 'node:path';

/**
 * Our own copies (from npm) of the libraries that draw notebook figures; the viewer's vendor routes
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

/** The file of a vendor script, or null for a name we do not serve. */
export function vendorScriptFile(name: string, root = /*turbopackIgnore: true*/ process.cwd()): string | null {
  const parts = Object.hasOwn(FILES, name) ? FILES[name] : null;
  return parts ? path.join(root, 'node_modules', ...parts) : null;
}

const read = new Map<string, Promise<Buffer<ArrayBuffer>>>();

/**
 * A vendor script's bytes, or null for a name we do not serve. Read once per process (plotly.js is
 * 4.8 MB, asked for by every figure) and without blocking the event loop; a failed read is retried.
 */
export function vendorScript(name: string): Promise<Buffer<ArrayBuffer>> | null {
  const file = vendorScriptFile(name);
  if (!file) return null;
  let bytes = read.get(name);
  if (!bytes) {
    bytes = fs.promises.readFile(file);
    read.set(name, bytes);
    bytes.catch(() => read.delete(name));
  }
  return bytes;
}

/** The vendor route's answer: the script, cached by browsers for a day. */
export async function vendorScriptResponse(name: string): Promise<Response> {
  return new Response(await vendorScript(name)!, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}

/** The BokehJS major version we serve: documents written by another major version do not load. */
export const BOKEH_MAJOR = 3;
