import { readJson, route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { requireStudyAccess } from '@/lib/coding/access';
import { listMembers } from '@/lib/coding/studies/get-study';
import { addMember, removeMember } from '@/lib/coding/studies/members';
import { memberInput, memberRemoval, studyIdParam } from '@/lib/coding/studies/schemas';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

async function access(req: Request, params: Ctx['params'], need: 'read' | 'manage') {
  const [db, user, id] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  await requireStudyAccess(db, user, id, need);
  return { db, id };
}

// GET /api/studies/:id/members — who is in the study, with their study roles
export const GET = route(async (req, { params }: Ctx) => {
  const { db, id } = await access(req, params, 'read');
  return listMembers(db, id);
});

// POST /api/studies/:id/members — add a user {userId, role} or change a member's role (supervisors, admins)
export const POST = route(async (req, { params }: Ctx) => {
  const { db, id } = await access(req, params, 'manage');
  const input = memberInput.parse(await readJson(req));
  await addMember(db, id, input.userId, input.role);
  return listMembers(db, id);
});

// DELETE /api/studies/:id/members?userId=… — take a member out of the study (supervisors, admins)
export const DELETE = route(async (req, { params }: Ctx) => {
  const { db, id } = await access(req, params, 'manage');
  await removeMember(db, id, memberRemoval.parse(searchParams(req)).userId);
  return listMembers(db, id);
});
