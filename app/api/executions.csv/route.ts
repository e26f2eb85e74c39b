import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { exportExecutionsCsv } from '@/lib/execute/summary/export-executions-csv';

// GET /api/executions.csv — every execution, one row each (the latest per notebook and configuration marked)
export const GET = route(async () => {
  return new Response(await exportExecutionsCsv(await getDb()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="vizmine-executions.csv"' },
  });
});
