import fs from 'node:fs';
import path from 'node:path';

// GET /api/vendor/plotly — plotly.js for the sandboxed frames that draw plotly figures from their JSON
export async function GET(): Promise<Response> {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', 'plotly.js-dist-min', 'plotly.min.js');
  return new Response(fs.readFileSync(file), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
