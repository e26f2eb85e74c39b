import { route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { blobDir } from '@/lib/config';
import { importUpload } from '@/lib/ingest/import-upload';
import { AppError } from '@/lib/errors';
import { enqueueAfterImport } from '@/lib/jobs/enqueue';

// POST /api/imports — upload one .ipynb or .zip (form field "file"); one result per notebook
export const POST = route(async (req) => {
  const store = await getDatabase();
  const form = await req.formData().catch(() => {
    throw new AppError('bad_request', 'Send the notebook as multipart/form-data with a field named "file".');
  });
  const file = form.get('file');
  const results = await importUpload(store.db, blobDir(store.dataDir), file instanceof File ? file : null);
  const imported = results.flatMap((r) => (r.status === 'imported' && r.notebookId ? [r.notebookId] : []));
  if (imported.length) await enqueueAfterImport(store, imported);
  return { results };
}, { roles: ['admin', 'supervisor'] });
