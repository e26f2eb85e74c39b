// One preamble for every study route: the database, the signed-in user, the study's id and what the
// user may do there (requireStudyAccess), instead of each handler repeating those four lines.
import { route } from '../api/handler';
import { requireUser, type SessionUser } from '../auth/session';
import { getDb, type Db } from '../db/client';
import { requireStudyAccess, type StudyNeed } from './access';
import type { Viewer } from './queue/blind-items';
import { studyIdParam } from './studies/schemas';

export interface StudyContext {
  db: Db;
  user: SessionUser;
  studyId: number;
  /** The viewer as the blind rule knows them (their role in this study). */
  viewer: Viewer;
}

/** Opens a study for a request: 401 without a session, 404 for a study the user is not in, 403 without the need. */
export async function openStudy(req: Request, studyId: number, need: StudyNeed): Promise<StudyContext> {
  const [db, user] = [await getDb(), await requireUser(req)];
  const { role } = await requireStudyAccess(db, user, studyId, need);
  return { db, user, studyId, viewer: { userId: user.id, studyRole: role } };
}

/**
 * A route under /api/studies/:id that needs `need` in the study. Access is checked before the body or
 * query is read, so someone outside the study gets its 404, not a validation error. The route's other
 * path parameters (e.g. codeId) come as the third argument.
 */
export function studyRoute<P extends { id: string } = { id: string }>(need: StudyNeed, fn: (req: Request, study: StudyContext, params: P) => Promise<unknown>) {
  return route(async (req: Request, { params }: { params: Promise<P> }) => {
    const p = await params;
    return fn(req, await openStudy(req, studyIdParam.parse(p.id), need), p);
  });
}
