import fs from 'node:fs';
import path from 'node:path';

// GET /api/vendor/plotly — plotly.js for the sandboxed frames that draw plotly figures from their JSON
export async function GET(): Promise<Response> {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', 'plotly.js-dist-min', 'plotly.min.js');
  // 4.8 MB: read without blocking the server's event loop (as lib/browse/read-blob.ts reads images).
  return new Response(await fs.promises.readFile(file), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
