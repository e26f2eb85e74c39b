import { and, asc, eq, gt, lt, desc, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../auth/session';
import { assignments, codes, codings, sampleItems, users, type Code } from '../../db/schema';
import { getVisualisation } from '../../browse/get-visualisation';
import { AppError } from '../../errors';
import { requireStudyAccess } from '../access';
import { canSeeOthersCodings } from './can-see-others';
import { findOwnAssignment } from './find-assignment';
import { nextPendingAfter } from './next-pending';
import { codingSettings, mayCreateCodesWhileCoding } from '../studies/open-coding';
import { machineSuggestion } from '../machine/suggestion';

/**
 * Everything the workspace shows for one of my assignments: the visualisation (figure, generating
 * code, markdown context), the study's codes in codebook order, my codings, memo and flag, my
 * previous/next assignments in the sample, and others' codings only when the blind rule allows.
 */
export async function getWorkItem(db: Db, user: SessionUser, assignmentId: number) {
  const { own, role } = await openAssignment(db, user, assignmentId);
  const a = own.assignment;
  const owner = a.userId;

  const [vis, studyCodes, mine, prev, next, nextPending, itemAssignments, settings] = await Promise.all([
    getVisualisation(db, own.visualisationId, {}),
    db.select().from(codes).where(and(eq(codes.studyId, own.studyId), eq(codes.status, 'active'))),
    db.select({ id: codings.id, codeId: codings.codeId, region: codings.region, memo: codings.memo }).from(codings).where(and(eq(codings.sampleItemId, a.sampleItemId), eq(codings.userId, owner))).orderBy(asc(codings.id)),
    neighbour(db, owner, own.sampleId, a.position, 'prev'),
    neighbour(db, owner, own.sampleId, a.position, 'next'),
    nextPendingAfter(db, owner, own.sampleId, a.position, a.id),
    // Every coder's assignment of the item: the blind rule reads them, and the others are listed.
    db.select({ userId: assignments.userId, status: assignments.status, name: users.name }).from(assignments).leftJoin(users, eq(users.id, assignments.userId)).where(eq(assignments.sampleItemId, a.sampleItemId)),
    codingSettings(db, own.studyId),
  ]);
  const canCreateCodes = mayCreateCodesWhileCoding(settings, role);

  const visible = canSeeOthersCodings({ userId: user.id, studyRole: role }, { blind: own.blind, assignments: itemAssignments });
  // A supervisor who codes this item too must not read a fellow coder's work through review.
  if (owner !== user.id && !visible) throw new AppError('forbidden', 'You code this item yourself: other coders\' work on it stays hidden until every coder has submitted it.');
  const coders = itemAssignments.filter((c) => c.userId !== owner);
  const others = visible ? await othersCodings(db, a.sampleItemId, owner, coders) : null;
  // Decided here, in the API: a hidden suggestion never reaches the browser.
  const machine = await machineSuggestion(db, settings.showMachineSuggestions, own.visualisationId, { blind: own.blind, coders: itemAssignments.length, ownStatus: a.status });

  // The analyser's labels reach a coder only as `machine`, under the study setting and the blind rule.
  const { prevId: _p, nextId: _n, duplicates: _d, labels: _l, ...visualisation } = vis;
  return {
    assignment: { id: a.id, position: a.position, status: a.status, flagged: a.flagged, memo: a.memo, submittedAt: a.submittedAt, updatedAt: a.updatedAt },
    sample: { id: own.sampleId, name: own.sampleName, blind: own.blind },
    studyId: own.studyId,
    studyRole: role,
    // Whether the workspace offers "Create 'name'" (supervisors, or coders of an open-coding study).
    canCreateCodes,
    // A supervisor reviewing a coder's item sees it read-only; the coder is named.
    readOnly: owner !== user.id,
    coderId: owner,
    visualisation,
    codes: codebookOrder(studyCodes),
    mine,
    // How many other coders code this item; their codings only when visible (null = hidden by the blind rule).
    otherCoders: coders.length,
    others,
    // The analysis engine's labels, when the study shows them and the blind rule allows (null otherwise).
    machine,
    prevId: prev,
    nextId: next,
    nextPendingId: nextPending,
  };
}

/**
 * My own assignment; or, for a supervisor or admin of its study who is not its coder, anyone's,
 * read-only. To everyone else another coder's assignment does not exist (404), like a missing one.
 */
async function openAssignment(db: Db, user: SessionUser, assignmentId: number) {
  const any = await findOwnAssignment(db, null, assignmentId);
  if (any.assignment.userId === user.id) return { own: any, role: (await requireStudyAccess(db, user, any.studyId, 'code')).role };
  try {
    const { role } = await requireStudyAccess(db, user, any.studyId, 'manage');
    return { own: any, role };
  } catch (e) {
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found')) throw new AppError('not_found', `You have no assignment ${assignmentId}: it may belong to another coder, or the sample was deleted.`);
    throw e;
  }
}

/** Applicable codes depth-first in codebook order, each with its category path, e.g. "Model › Loss curve". */
function codebookOrder(all: Code[]) {
  const children = (parentId: number | null) => all.filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position || a.id - b.id);
  const out: { id: number; name: string; path: string; colour: string; shortcut: string | null; shortDefinition: string; definition: string }[] = [];
  const walk = (parentId: number | null, trail: string[], depth: number) => {
    if (depth > 20) return; // a cycle would be a codebook bug; never loop forever on it
    for (const c of children(parentId)) {
      if (c.kind === 'code') out.push({ id: c.id, name: c.name, path: [...trail, c.name].join(' › '), colour: c.colour, shortcut: c.shortcut, shortDefinition: c.shortDefinition, definition: c.definition });
      walk(c.id, [...trail, c.name], depth + 1);
    }
  };
  walk(null, [], 0);
  return out;
}

async function othersCodings(db: Db, sampleItemId: number, me: string, coders: { userId: string; status: string; name: string | null }[]) {
  const rows = await db
    .select({ userId: codings.userId, codeId: codings.codeId, region: codings.region, memo: codings.memo })
    .from(codings)
    .where(and(eq(codings.sampleItemId, sampleItemId), ne(codings.userId, me)))
    .orderBy(asc(codings.id));
  return coders.map((c) => ({ userId: c.userId, name: c.name ?? c.userId, status: c.status, codings: rows.filter((r) => r.userId === c.userId) }));
}

async function neighbour(db: Db, userId: string, sampleId: number, position: number, dir: 'prev' | 'next') {
  const [r] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .where(and(eq(assignments.userId, userId), eq(sampleItems.sampleId, sampleId), dir === 'next' ? gt(assignments.position, position) : lt(assignments.position, position)))
    .orderBy(dir === 'next' ? asc(assignments.position) : desc(assignments.position))
    .limit(1);
  return r?.id ?? null;
}
