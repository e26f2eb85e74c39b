import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { createStudy } from '@/lib/coding/studies/create-study';
import { listStudiesFor } from '@/lib/coding/studies/list-studies';
import { studyInput } from '@/lib/coding/studies/schemas';

export const dynamic = 'force-dynamic';

// GET /api/studies — the studies the caller may see (admins: all; others: their memberships)
export const GET = route(async (req) => listStudiesFor(await getDb(), await requireUser(req)));

// POST /api/studies — create a study {name, description}; its creator becomes its supervisor
export const POST = route(
  async (req) => createStudy(await getDb(), await requireUser(req), studyInput.parse(await readJson(req))),
  { roles: ['admin', 'supervisor'] },
);
