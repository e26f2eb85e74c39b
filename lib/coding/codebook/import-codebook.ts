import type { Db } from '../../db/client';
import type { Code } from '../../db/schema';
import { AppError } from '../../errors';
import { insertCode } from './create-code';
import { beginChange, recordChanges, writeCode } from './snapshot';
import { pathsOf } from './tree';
import { checkColour, checkShortcut } from './validate';

/** One code read from a CSV or .qdc file: where it sits (its path of names, its own last) and what it says. */
export interface ImportEntry {
  path: string[];
  kind: 'category' | 'code';
  shortDefinition: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  colour?: string;
  shortcut?: string | null;
  status?: 'active' | 'deprecated';
  /** Where it came from, for messages ("row 4", "code “Bar”"). */
  source?: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

const FIELDS = ['kind', 'shortDefinition', 'definition', 'whenToUse', 'whenNotToUse', 'colour', 'shortcut', 'status'] as const;
const keyOf = (path: string[]) => path.map((p) => p.trim().toLowerCase()).join('\u0000');

/**
 * Brings codes from a file into a study's codebook: a code found at the same path (names, ignoring
 * case) is updated where its fields differ, others are created; nothing is removed. One changeset
 * (action "import"), all or nothing: a bad entry names itself and changes nothing.
 */
export async function importCodebook(db: Db, userId: string, studyId: number, entries: ImportEntry[], reason = ''): Promise<ImportResult> {
  if (entries.length === 0) throw new AppError('bad_request', 'The file holds no codes; export a codebook to see the expected layout.');
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, reason || 'imported from a file');
    const live = all.filter((c) => c.status !== 'merged');
    const paths = pathsOf(live);
    const byPath = new Map<string, Code>(live.map((c) => [keyOf(paths.get(c.id)!), c]));
    const seen = new Set<string>();
    const touched: Array<{ before: Code | null; after: Code }> = [];
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    // Parents before children, the file's order otherwise.
    const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.path.length - b.e.path.length || a.i - b.i).map((x) => x.e);
    for (const e of ordered) {
      const where = e.source ?? `“${e.path.join(' / ')}”`;
      const key = keyOf(e.path);
      if (e.path.length === 0 || e.path.some((p) => !p.trim())) throw new AppError('bad_request', `${where}: a code needs a name (and no empty parts in its path).`);
      if (seen.has(key)) throw new AppError('bad_request', `${where}: “${e.path.join(' / ')}” appears twice in the file; keep one.`);
      seen.add(key);
      const parent = e.path.length > 1 ? byPath.get(keyOf(e.path.slice(0, -1))) : null;
      if (parent === undefined) throw new AppError('bad_request', `${where}: its parent “${e.path.slice(0, -1).join(' / ')}” is neither in the file nor in the codebook; add a row for it.`);
      try {
        const existing = byPath.get(key);
        if (!existing) {
          const code = await insertCode(tx, ctx, all, { ...e, name: e.path.at(-1)!.trim(), parentId: parent?.id ?? null });
          byPath.set(key, code);
          touched.push({ before: null, after: code });
          result.created++;
          continue;
        }
        const wanted = { ...e, colour: checkColour(e.colour) ?? existing.colour, shortcut: e.shortcut === undefined ? existing.shortcut : e.shortcut || null, status: e.status ?? existing.status };
        const changed = FIELDS.filter((f) => wanted[f] !== existing[f]);
        if (!changed.length) {
          result.unchanged++;
          continue;
        }
        if (wanted.status === 'active') checkShortcut(all, wanted.shortcut, existing.id);
        const after = await writeCode(tx, existing.id, Object.fromEntries(changed.map((f) => [f, wanted[f]])));
        Object.assign(all.find((c) => c.id === existing.id)!, after);
        touched.push({ before: existing, after });
        result.updated++;
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, `${where}: ${err.message}`);
        throw err;
      }
    }
    await recordChanges(tx, ctx, 'import', touched);
    return result;
  });
}
