import { describe, expect, it } from 'vitest';
import { buildTree, descendantsOf, flattenTree, pathsOf } from './tree';
import { compareCodebooks } from './compare-codebooks';
import { parseCodebookCsv } from './parse-codebook-csv';
import type { CodeSnapshot } from './snapshot';

const base: CodeSnapshot = {
  id: 0, studyId: 1, parentId: null, kind: 'code', name: '', shortDefinition: '', definition: '', whenToUse: '', whenNotToUse: '',
  exampleVisualisationIds: [], colour: '#4c78a8', shortcut: null, position: 0, status: 'active', mergedIntoId: null, createdBy: 'u',
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};
const code = (id: number, name: string, parentId: number | null, position = 0, more: Partial<CodeSnapshot> = {}): CodeSnapshot => ({ ...base, id, name, parentId, position, ...more });

describe('codebook tree', () => {
  const list = [code(3, 'Line', 1, 1), code(1, 'Chart', null, 0, { kind: 'category' }), code(2, 'Bar', 1, 0), code(4, 'Orphan', 99, 5)];

  it('finds a code and everything below it, at any depth', () => {
    const deep = [...list, code(5, 'Stacked', 2), code(6, 'Grouped', 5)];
    expect([...descendantsOf(deep, 1)].sort()).toEqual([1, 2, 3, 5, 6]);
    expect([...descendantsOf(deep, 3)]).toEqual([3]);
  });
  it('nests children under parents in their order; a missing parent puts a code at the top', () => {
    const tree = buildTree(list);
    expect(flattenTree(tree).map((n) => `${'  '.repeat(n.depth)}${n.name}`)).toEqual(['Chart', '  Bar', '  Line', 'Orphan']);
    expect(pathsOf(list).get(3)).toEqual(['Chart', 'Line']);
  });
  it('compares two codebooks: added, removed, and changed fields with parents as paths', () => {
    const later = [code(1, 'Chart', null, 0, { kind: 'category' }), code(3, 'Line chart', null, 1, { status: 'deprecated' }), code(5, 'Pie', 1)];
    const diff = compareCodebooks(list, later);
    expect(diff.added).toEqual([{ id: 5, path: ['Chart', 'Pie'] }]);
    expect(diff.removed.map((r) => r.path.join('/'))).toEqual(['Chart/Bar', 'Orphan']);
    expect(diff.changed).toEqual([
      { id: 3, path: ['Line chart'], changes: [
        { field: 'name', before: 'Line', after: 'Line chart' },
        { field: 'parent', before: 'Chart', after: null },
        { field: 'status', before: 'active', after: 'deprecated' },
      ] },
    ]);
  });
});

describe('codebook CSV', () => {
  it('reads paths (names may hold a slash without spaces), kinds and shortcuts, naming bad rows', () => {
    const rows = parseCodebookCsv('path,kind,shortcut\nSplits,category,\nSplits / Train/test split,code,t\n');
    expect(rows.map((r) => [r.path, r.kind, r.shortcut])).toEqual([
      [['Splits'], 'category', null],
      [['Splits', 'Train/test split'], 'code', 't'],
    ]);
    expect(() => parseCodebookCsv('colour\n#fff\n')).toThrow(/"path" or "name" column/);
    expect(() => parseCodebookCsv('name,status\nA,gone\n')).toThrow(/Row 2: status/);
  });
});
