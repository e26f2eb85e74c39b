import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { KaggleError } from './errors';
import type { KaggleClient } from './http';
import type { CachedDownload } from './types';

/**
 * Downloads what a redirect-answering RPC points at into `dest`, once: an existing `dest` is returned without
 * any request, because Kaggle limits file downloads hardest. The file is written beside `dest` and renamed
 * into place, so an interrupted download never looks cached.
 */
export async function downloadToCache(client: KaggleClient, service: string, method: string, body: object, dest: string): Promise<CachedDownload> {
  if (fs.existsSync(dest)) return { path: dest, fromCache: true };
  const res = await fileResponse(client, service, method, body);
  if (!res.body) throw new KaggleError('bad_response', `${service}/${method} answered an empty file: retry later`, res.status);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const partial = `${dest}.${process.pid}.${Date.now()}.part`;
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), fs.createWriteStream(partial));
    fs.renameSync(partial, dest);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { path: dest, fromCache: false };
}

/** Follows the RPC's redirect with client.get (so the file request is counted, retried and budgeted too). */
async function fileResponse(client: KaggleClient, service: string, method: string, body: object): Promise<Response> {
  const res = await client.callRaw(service, method, body);
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location');
    await res.body?.cancel();
    if (!location) throw new KaggleError('bad_response', `${service}/${method} redirected without a Location: retry later`, res.status);
    return client.get(new URL(location, client.baseUrl).href);
  }
  // Some deployments stream the file directly instead of redirecting.
  return res;
}

/** A path segment from a Kaggle slug, so a hostile slug cannot climb out of the cache directory. */
export function safeSegment(s: string): string {
  const cleaned = s.replace(/[^A-Za-z0-9._-]/g, '_');
  if (cleaned === '' || cleaned === '.' || cleaned === '..') throw new Error(`unusable slug for a file name: ${JSON.stringify(s)}`);
  return cleaned;
}
