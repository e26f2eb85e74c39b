import { getDb } from '@/lib/db/client';
import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getWorkItem } from '@/lib/coding/queue/get-work-item';
import { saveWork } from '@/lib/coding/queue/save-work';
import { assignmentIdParam, saveWorkInput } from '@/lib/coding/queue/schemas';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/coding/assignments/:id — one of my items with codes, my codings, and others' only when the blind rule allows
export const GET = route(async (req: Request, { params }: Ctx) => {
  const id = assignmentIdParam.parse((await params).id);
  return getWorkItem(await getDb(), await requireUser(req), id);
});

// PUT /api/coding/assignments/:id — autosave: my codings, memo and flag of the item replace the stored ones
export const PUT = route(async (req: Request, { params }: Ctx) => {
  const id = assignmentIdParam.parse((await params).id);
  const input = saveWorkInput.parse(await readJson(req));
  return saveWork(await getDb(), await requireUser(req), id, input);
});
