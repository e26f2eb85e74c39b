import { getDb } from '@/lib/db/client';
import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { createInlineCode } from '@/lib/coding/queue/create-inline-code';
import { assignmentIdParam, inlineCodeInput } from '@/lib/coding/queue/schemas';

// POST /api/coding/assignments/:id/codes — open coding: create a code in this item's study while coding it
export const POST = route(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = assignmentIdParam.parse((await params).id);
  const input = inlineCodeInput.parse(await readJson(req));
  return Response.json(await createInlineCode(await getDb(), await requireUser(req), id, input), { status: 201 });
});
