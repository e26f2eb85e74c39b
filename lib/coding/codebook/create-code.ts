import type { Db } from '../../db/client';
import { codes, type Code } from '../../db/schema';
import { beginChange, recordChanges, type Tx, type ChangeContext } from './snapshot';
import { checkColour, checkName, checkParent, checkShortcut, checkSiblingName, nextPosition } from './validate';

export interface CreateCodeInput {
  name: string;
  parentId?: number | null;
  kind?: 'category' | 'code';
  shortDefinition?: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  colour?: string;
  shortcut?: string | null;
  exampleVisualisationIds?: number[];
  reason?: string;
}

/** Adds a category or code to a study's codebook and records it (action "create"). */
export async function createCode(db: Db, userId: string, studyId: number, input: CreateCodeInput): Promise<Code> {
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, input.reason);
    const code = await insertCode(tx, ctx, all, input);
    await recordChanges(tx, ctx, 'create', [{ before: null, after: code }]);
    return code;
  });
}

// Tableau 10: a new code without a chosen colour takes the next one, so codes stay apart in the
// workspace (swatches, region outlines) without anyone picking colours.
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Validates and inserts one code inside an open codebook change; `all` gains the new row. */
export async function insertCode(tx: Tx, ctx: ChangeContext, all: Code[], input: CreateCodeInput & { status?: Code['status'] }): Promise<Code> {
  const name = checkName(input.name);
  const parentId = checkParent(all, input.parentId);
  checkSiblingName(all, parentId, name);
  const status = input.status ?? 'active';
  const shortcut = status === 'active' ? checkShortcut(all, input.shortcut) : (input.shortcut || null);
  const [code] = await tx
    .insert(codes)
    .values({
      studyId: ctx.studyId,
      parentId,
      kind: input.kind ?? 'code',
      name,
      shortDefinition: input.shortDefinition ?? '',
      definition: input.definition ?? '',
      whenToUse: input.whenToUse ?? '',
      whenNotToUse: input.whenNotToUse ?? '',
      colour: checkColour(input.colour) ?? PALETTE[all.length % PALETTE.length],
      shortcut,
      exampleVisualisationIds: input.exampleVisualisationIds ?? [],
      position: nextPosition(all, parentId),
      status,
      createdBy: ctx.userId,
    })
    .returning();
  all.push(code);
  return code;
}
