import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { crossTab } from '@/lib/analytics/cross-tab';
import { DIMENSIONS } from '@/lib/analytics/dimensions';
import { describePopulation, populationSchema } from '@/lib/analytics/population';
import { toTable } from '@/lib/analytics/table';
import { tableCsv } from '@/lib/analytics/table-csv';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const query = populationSchema.extend({
  rows: z.enum(DIMENSIONS).default('chart_type'),
  cols: z.enum(DIMENSIONS).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

// GET /api/analytics?rows=chart_type&cols=ml_stage&source=corpus|run|sample&id=…&origin=…&stages=a,b&format=csv
export const GET = route(async (req) => {
  const params = new URL(req.url).searchParams;
  const q = query.parse({ ...Object.fromEntries(params), stages: params.get('stages')?.split(',').filter(Boolean) });
  if (q.source !== 'corpus' && !q.id) throw new AppError('bad_request', `Choose which ${q.source} to count (id).`);
  if (q.cols === q.rows) throw new AppError('bad_request', 'Choose two different dimensions.');
  const table = toTable(await crossTab(await getDb(), q, q.rows, q.cols));
  const population = describePopulation(q);
  if (q.format === 'json') return { population, table };
  const csv = tableCsv(table, { population, rows: q.rows, cols: q.cols });
  const name = `vizmine-${q.rows}${q.cols ? `-by-${q.cols}` : ''}.csv`;
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` } });
});
