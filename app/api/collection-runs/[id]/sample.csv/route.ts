import { route } from '@/lib/api/handler';
import { attachment } from '@/lib/api/attachment';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { exportSampleCsv } from '@/lib/kaggle/runs/export-sample';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/collection-runs/:id/sample.csv — the notebooks a run sampled, for a methods section
export const GET = route(async (_req, { params }: Ctx) => {
  const id = idParam.parse((await params).id);
  const csv = await exportSampleCsv(await getDb(), id);
  return attachment(csv, `vizmine-run-${id}-sample.csv`, 'text/csv; charset=utf-8');
});
