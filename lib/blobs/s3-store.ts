import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { checkKey, type BlobStore } from './store';

export interface S3Settings {
  endpoint?: string;
  bucket: string;
  region: string;
  /** Path-style (`<endpoint>/<bucket>/<key>`): what MinIO, Ceph RGW and most self-hosted servers want. */
  forcePathStyle: boolean;
  /** Prepended to every key, so one bucket can hold several corpora. */
  prefix: string;
}

/** From the environment; credentials come from the SDK's own chain (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...). */
export function s3SettingsFromEnv(env = process.env): S3Settings {
  const bucket = env.VIZMINE_S3_BUCKET;
  if (!bucket) throw new Error('VIZMINE_BLOB_STORE=s3 needs VIZMINE_S3_BUCKET (and VIZMINE_S3_ENDPOINT for a server other than AWS)');
  return {
    endpoint: env.VIZMINE_S3_ENDPOINT || undefined,
    bucket,
    region: env.VIZMINE_S3_REGION || env.AWS_REGION || 'us-east-1',
    forcePathStyle: env.VIZMINE_S3_PATH_STYLE ? env.VIZMINE_S3_PATH_STYLE !== 'false' : Boolean(env.VIZMINE_S3_ENDPOINT),
    prefix: env.VIZMINE_S3_PREFIX ?? '',
  };
}

function missing(e: unknown): boolean {
  return e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound');
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({ endpoint: settings.endpoint, region: settings.region, forcePathStyle: settings.forcePathStyle });
  }

  private key(key: string): string {
    return this.settings.prefix + checkKey(key);
  }

  async put(key: string, bytes: Uint8Array, mime?: string): Promise<boolean> {
    // Immutable keys: a HEAD first spares re-uploading; two writers racing both upload the same bytes, which is harmless.
    if (await this.exists(key)) return false;
    await this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key), Body: bytes, ContentType: mime, ContentLength: bytes.byteLength }));
    return true;
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
      return out.Body ? (out.Body.transformToWebStream() as ReadableStream<Uint8Array>) : new Blob([]).stream();
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
      return true;
    } catch (e) {
      if (missing(e)) return false;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
  }
}
