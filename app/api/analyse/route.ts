import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getDatabase } from '@/lib/db/client';
import { blobDir } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { analyseUpload, MAX_ANALYSE_BYTES } from '@/lib/analyse-one/report';
import { importSources } from '@/lib/ingest/import-sources';

export const dynamic = 'force-dynamic';

// POST /api/analyse — one notebook analysed without being stored: multipart (field "file", optional
// "import"=on to also import it, for those who may import) or the raw .ipynb body (?name=x.ipynb).
export const POST = route(async (req) => {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_ANALYSE_BYTES + 64 * 1024) throw new AppError('bad_request', `The upload is ${(declared / 1e6).toFixed(1)} MB; notebooks analysed here may be up to ${(MAX_ANALYSE_BYTES / 1e6).toFixed(0)} MB.`);
  const { name, bytes, alsoImport } = await readUpload(req);
  if (!/\.ipynb$/i.test(name)) throw new AppError('bad_request', `${name} is not a .ipynb notebook.`);
  const report = await analyseUpload(name, bytes);
  if (!alsoImport) return { report, imported: null };
  const user = await requireUser(req);
  if (user.role !== 'admin' && user.role !== 'supervisor') throw new AppError('forbidden', 'Only admins and supervisors import notebooks; the analysis above was not stored.');
  const store = await getDatabase();
  const [imported] = await importSources(store.db, [{ file: name, bytes }], { blobDir: blobDir(store.dataDir), concurrency: 1 });
  return { report, imported };
});

async function readUpload(req: Request): Promise<{ name: string; bytes: Uint8Array; alsoImport: boolean }> {
  if ((req.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await req.formData().catch(() => {
      throw new AppError('bad_request', 'The multipart upload could not be read; send the notebook in a field named "file".');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('bad_request', 'Send the notebook in a multipart field named "file".');
    if (file.size > MAX_ANALYSE_BYTES) throw new AppError('bad_request', `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; notebooks analysed here may be up to ${(MAX_ANALYSE_BYTES / 1e6).toFixed(0)} MB.`);
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), alsoImport: form.get('import') === 'on' };
  }
  const name = new URL(req.url).searchParams.get('name') || 'notebook.ipynb';
  return { name, bytes: new Uint8Array(await req.arrayBuffer()), alsoImport: false };
}
