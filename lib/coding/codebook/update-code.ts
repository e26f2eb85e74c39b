import type { Db } from '../../db/client';
import type { Code } from '../../db/schema';
import { AppError } from '../../errors';
import { beginChange, findCode, recordChanges, writeCode } from './snapshot';
import { checkColour, checkName, checkShortcut, checkSiblingName } from './validate';

export interface UpdateCodeInput {
  name?: string;
  kind?: 'category' | 'code';
  shortDefinition?: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  colour?: string;
  shortcut?: string | null;
  exampleVisualisationIds?: number[];
  /** Only 'active': brings a deprecated code back (merged codes stay merged). */
  status?: 'active';
  reason?: string;
}

const FIELDS = ['name', 'kind', 'shortDefinition', 'definition', 'whenToUse', 'whenNotToUse', 'colour', 'shortcut', 'exampleVisualisationIds', 'status'] as const;

/**
 * Renames a code or edits its definitions, colour, shortcut or examples. Recorded as "rename" when
 * only the name changed, else "update"; a patch that changes nothing records nothing.
 */
export async function updateCode(db: Db, userId: string, studyId: number, codeId: number, input: UpdateCodeInput): Promise<Code> {
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, input.reason);
    const before = findCode(all, codeId);
    if (before.status === 'merged') throw new AppError('conflict', `“${before.name}” was merged into another code; edit that code instead.`);
    const patch: Partial<Code> = {};
    if (input.name !== undefined) patch.name = checkName(input.name);
    if (input.colour !== undefined) patch.colour = checkColour(input.colour);
    for (const f of ['kind', 'shortDefinition', 'definition', 'whenToUse', 'whenNotToUse', 'exampleVisualisationIds', 'status'] as const) {
      if (input[f] !== undefined) (patch as Record<string, unknown>)[f] = input[f];
    }
    const willBeActive = (patch.status ?? before.status) === 'active';
    if (input.shortcut !== undefined) patch.shortcut = willBeActive ? checkShortcut(all, input.shortcut, codeId) : input.shortcut || null;
    else if (patch.status === 'active' && before.status !== 'active') checkShortcut(all, before.shortcut, codeId);
    const changed = FIELDS.filter((f) => f in patch && JSON.stringify(patch[f]) !== JSON.stringify(before[f]));
    if (changed.length === 0) return before;
    if (changed.includes('name')) checkSiblingName(all, before.parentId, patch.name!, codeId);
    const after = await writeCode(tx, codeId, Object.fromEntries(changed.map((f) => [f, patch[f]])));
    await recordChanges(tx, ctx, changed.length === 1 && changed[0] === 'name' ? 'rename' : 'update', [{ before, after }]);
    return after;
  });
}
