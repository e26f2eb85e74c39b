import { route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { blobDir } from '@/lib/config';
import { readBlob } from '@/lib/browse/read-blob';
import { sha256Param } from '@/lib/browse/schemas';

type Ctx = { params: Promise<{ sha: string }> };

// GET /api/blobs/:sha256/thumbnail — the WebP thumbnail (the original until it is computed)
export const GET = route(async (_req, { params }: Ctx) => {
  const store = await getDatabase();
  return readBlob(store.db, blobDir(store.dataDir), sha256Param.parse((await params).sha), 'thumbnail');
});
