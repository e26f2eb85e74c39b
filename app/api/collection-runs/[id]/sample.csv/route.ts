import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { exportSampleCsv } from '@/lib/kaggle/runs/export-sample';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/collection-runs/:id/sample.csv — the notebooks a run sampled, for a methods section
export const GET = route(async (_req, { params }: Ctx) => {
  const id = idParam.parse((await params).id);
  const csv = await exportSampleCsv(await getDb(), id);
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="vizmine-run-${id}-sample.csv"` },
  });
});
