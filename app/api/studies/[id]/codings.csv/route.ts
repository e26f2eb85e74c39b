import { codingsDownloadRoute } from '@/lib/coding/agreement/export-response';

// GET /api/studies/:id/codings.csv?sample= — every submitted and consensus coding, one row each (supervisors and admins)
export const GET = codingsDownloadRoute('csv');
