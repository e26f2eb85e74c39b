import { readJson, searchParams } from '@/lib/api/handler';
import { listMembers } from '@/lib/coding/studies/get-study';
import { addMember, removeMember } from '@/lib/coding/studies/members';
import { memberInput, memberRemoval } from '@/lib/coding/studies/schemas';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/members — who is in the study, with their study roles
export const GET = studyRoute('read', async (_req, { db, studyId }) => listMembers(db, studyId));

// POST /api/studies/:id/members — add a user {userId, role} or change a member's role (supervisors, admins)
export const POST = studyRoute('manage', async (req, { db, studyId }) => {
  const input = memberInput.parse(await readJson(req));
  await addMember(db, studyId, input.userId, input.role);
  return listMembers(db, studyId);
});

// DELETE /api/studies/:id/members?userId=… — take a member out of the study (supervisors, admins)
export const DELETE = studyRoute('manage', async (req, { db, studyId }) => {
  await removeMember(db, studyId, memberRemoval.parse(searchParams(req)).userId);
  return listMembers(db, studyId);
});
