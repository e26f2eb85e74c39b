import { route } from '@/lib/api/handler';
import { attachment } from '@/lib/api/attachment';
import { getDb } from '@/lib/db/client';
import { exportExecutionsCsv } from '@/lib/execute/summary/export-executions-csv';

// GET /api/executions.csv — every execution, one row each (the latest per notebook and configuration marked)
export const GET = route(async () => attachment(await exportExecutionsCsv(await getDb()), 'vizmine-executions.csv', 'text/csv; charset=utf-8'));
