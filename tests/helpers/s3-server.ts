import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small in-memory server for the S3 REST subset the AWS SDK sends for our store: PutObject,
 * GetObject (with Range), HeadObject, DeleteObject and ListObjectsV2, path-style
 * (`/<bucket>/<key>`). It does not verify SigV4 signatures, but refuses requests without a SigV4
 * Authorization header for its access key, and checks the signed payload hash against the body,
 * so a request the SDK did not shape like S3 fails here too.
 */
export interface S3TestServer {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { body: Buffer; type?: string }>;
  requests: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startS3Server(opts: { host?: string } = {}): Promise<S3TestServer> {
  const bucket = 'vizmine-test';
  const accessKeyId = 'VIZMINETESTKEY';
  const objects = new Map<string, { body: Buffer; type?: string }>();
  const requests: S3TestServer['requests'] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://s3');
    requests.push({ method: req.method!, path: url.pathname });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`) || !/SignedHeaders=[^,]*host/.test(auth) || !req.headers['x-amz-date']) {
      return error(res, 403, 'AccessDenied', 'missing or malformed SigV4 Authorization');
    }
    const [, b, ...rest] = url.pathname.split('/');
    if (b !== bucket) return error(res, 404, 'NoSuchBucket', 'no such bucket');
    const key = decodeURIComponent(rest.join('/'));
    if (req.method === 'GET' && !key && url.searchParams.get('list-type') === '2') return list(res, objects, url.searchParams.get('prefix') ?? '');
    if (!key) return error(res, 400, 'InvalidRequest', 'no key');
    if (req.method === 'PUT') {
      const declared = req.headers['x-amz-content-sha256'];
      if (!declared) return error(res, 400, 'InvalidRequest', 'x-amz-content-sha256 missing');
      if (/^[0-9a-f]{64}$/.test(String(declared)) && crypto.createHash('sha256').update(body).digest('hex') !== declared) {
        return error(res, 400, 'XAmzContentSHA256Mismatch', 'payload hash mismatch');
      }
      if (req.headers['content-length'] !== undefined && Number(req.headers['content-length']) !== body.length) return error(res, 400, 'IncompleteBody', 'length mismatch');
      objects.set(key, { body, type: req.headers['content-type'] });
      res.writeHead(200, { ETag: `"${crypto.createHash('md5').update(body).digest('hex')}"` });
      return res.end();
    }
    const obj = objects.get(key);
    if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    if (!obj) {
      if (req.method === 'HEAD') return res.writeHead(404).end();
      return error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    }
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': obj.type ?? 'application/octet-stream', 'Content-Length': obj.body.length, 'Accept-Ranges': 'bytes' };
    if (req.method === 'HEAD') return res.writeHead(200, headers).end();
    if (req.method !== 'GET') return error(res, 405, 'MethodNotAllowed', req.method!);
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : obj.body.length - 1, obj.body.length - 1);
      if (start >= obj.body.length) return error(res, 416, 'InvalidRange', 'range not satisfiable');
      res.writeHead(206, { ...headers, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${obj.body.length}` });
      return res.end(obj.body.subarray(start, end + 1));
    }
    res.writeHead(200, headers).end(obj.body);
  });
  await new Promise<void>((resolve) => server.listen(0, opts.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${address}:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey: 'vizmine-test-secret',
    objects,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function error(res: http.ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

function list(res: http.ServerResponse, objects: Map<string, { body: Buffer }>, prefix: string) {
  const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  const contents = keys.map((k) => `<Contents><Key>${k}</Key><Size>${objects.get(k)!.body.length}</Size></Contents>`).join('');
  res.writeHead(200, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>vizmine-test</Name><Prefix>${prefix}</Prefix><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`);
}
