import type { CodeSnapshot } from './snapshot';

export type CodeNode<T extends Pick<CodeSnapshot, 'id' | 'parentId' | 'position' | 'name'> = CodeSnapshot> = T & { children: CodeNode<T>[] };

/** The codebook as a tree, siblings in their order; a code whose parent is missing sits at the top. */
export function buildTree<T extends Pick<CodeSnapshot, 'id' | 'parentId' | 'position' | 'name'>>(list: T[]): CodeNode<T>[] {
  const nodes = new Map<number, CodeNode<T>>(list.map((c) => [c.id, { ...c, children: [] }]));
  const roots: CodeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (xs: CodeNode<T>[]) => {
    xs.sort((a, b) => a.position - b.position || a.id - b.id);
    xs.forEach((x) => sort(x.children));
  };
  sort(roots);
  return roots;
}

/** Each code's path of names from the top ("Chart / Bar"), for lists, CSV and diffs. */
export function pathsOf<T extends Pick<CodeSnapshot, 'id' | 'parentId' | 'name'>>(list: T[]): Map<number, string[]> {
  const byId = new Map(list.map((c) => [c.id, c]));
  const out = new Map<number, string[]>();
  const pathOf = (c: T, seen: Set<number>): string[] => {
    const known = out.get(c.id);
    if (known) return known;
    const parent = c.parentId !== null && !seen.has(c.parentId) ? byId.get(c.parentId) : undefined;
    const p = [...(parent ? pathOf(parent, new Set([...seen, c.id])) : []), c.name];
    out.set(c.id, p);
    return p;
  };
  for (const c of list) pathOf(c, new Set());
  return out;
}

/** Depth-first order (parents before children, siblings in order). */
export function flattenTree<T extends Pick<CodeSnapshot, 'id' | 'parentId' | 'position' | 'name'>>(roots: CodeNode<T>[]): Array<CodeNode<T> & { depth: number }> {
  const out: Array<CodeNode<T> & { depth: number }> = [];
  const walk = (xs: CodeNode<T>[], depth: number) => xs.forEach((x) => (out.push({ ...x, depth }), walk(x.children, depth + 1)));
  walk(roots, 0);
  return out;
}

/** The ids of `id` and every code below it (a code cannot move there; deprecating it takes them along). */
export function descendantsOf(list: Pick<CodeSnapshot, 'id' | 'parentId'>[], id: number): Set<number> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of list) if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) (out.add(c.id), (grew = true));
  }
  return out;
}
