import { endOfJsonValue } from './plotly-from-html';

export interface BokehFigure {
  docs_json: Record<string, unknown>;
  render_items: unknown[];
  /** The bokeh version that wrote it (BokehJS draws only documents of its own major version). */
  version: string | null;
}

/**
 * The bokeh document inside the script a notebook's bokeh output carries (`application/javascript`
 * beside `application/vnd.bokehjs_exec.v0+json`, or the `<script>`s of a bokeh HTML output):
 * `const docs_json = {…}; const render_items = […];` (or docs_json in a `<script type="application/json">`),
 * read as JSON, never run. Returns null for anything it cannot read as JSON.
 */
export function bokehFigureFromScript(script: string): BokehFigure | null {
  const docs = jsonAfter(script, /docs_json\s*=\s*/) ?? jsonAfter(script, /<script type="application\/json"[^>]*>\s*/);
  const items = jsonAfter(script, /render_items\s*=\s*/);
  if (!docs || typeof docs !== 'object' || Array.isArray(docs) || !Array.isArray(items)) return null;
  const first = Object.values(docs as Record<string, { version?: unknown }>)[0];
  return { docs_json: docs as Record<string, unknown>, render_items: items, version: typeof first?.version === 'string' ? first.version : null };
}

function jsonAfter(s: string, marker: RegExp): unknown {
  const m = marker.exec(s);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const end = endOfJsonValue(s, start);
  if (end < 0) return undefined;
  try {
    return JSON.parse(s.slice(start, end));
  } catch {
    return undefined;
  }
}
