/** A file download: the browser saves it under `filename` instead of showing it. */
export function attachment(body: string | Uint8Array, filename: string, type: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(typeof body === 'string' ? body : new Blob([body as BlobPart]), {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${safe}"`, 'Cache-Control': 'no-store' },
  });
}
