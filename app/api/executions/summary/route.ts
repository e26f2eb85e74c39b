import { z } from 'zod';
import { route, searchParams } from '@/lib/api/handler';
import { attachment } from '@/lib/api/attachment';
import { getDb } from '@/lib/db/client';
import { summariseReproducibility } from '@/lib/execute/summary/summarise-reproducibility';
import { summaryToCsv } from '@/lib/execute/summary/summary-csv';

const query = z.object({ format: z.enum(['json', 'csv']).default('json'), config: z.string().regex(/^[0-9a-f]{1,64}$/).optional() });

// GET /api/executions/summary?format=csv&config= — the reproducibility summary a paper reports
export const GET = route(async (req) => {
  const q = query.parse(searchParams(req));
  const summary = await summariseReproducibility(await getDb(), { configHash: q.config });
  if (q.format === 'json') return summary;
  return attachment(summaryToCsv(summary), 'vizmine-reproducibility-summary.csv', 'text/csv; charset=utf-8');
});
