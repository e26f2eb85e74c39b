import fs from 'node:fs';
import { vendorScriptFile } from '@/lib/render/vendor-scripts';

// GET /api/vendor/bokeh — BokehJS (npm @bokeh/bokehjs) for the sandboxed frames that draw bokeh figures from their JSON
export async function GET(): Promise<Response> {
  const file = vendorScriptFile('bokeh', /*turbopackIgnore: true*/ process.cwd())!;
  return new Response(await fs.promises.readFile(file), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
