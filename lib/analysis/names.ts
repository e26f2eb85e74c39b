// Name resolution: what a dotted name means at one point of the notebook, through its imports and
// the (lightly inferred) types of its variables. Types are qualified class names as strings
// ('pandas.DataFrame', 'matplotlib.axes.Axes', 'sklearn.ensemble.RandomForestClassifier').
import type { Node } from './parser';
import { returnTypeOf, subscriptTypeOf, attributeTypeOf, AXES } from './types-table';

export interface FunctionInfo {
  name: string;
  cell: number;
  /** Index of the defining statement in the program (see statements.ts). */
  stmt: number;
}

/** The names known at one point of execution; mutated as statements run, in execution order. */
export class Env {
  /** alias -> qualified module or object ('plt' -> 'matplotlib.pyplot', 'CMD' -> 'sklearn.metrics.ConfusionMatrixDisplay'). */
  readonly modules = new Map<string, string>();
  /** variable -> inferred type. */
  readonly types = new Map<string, string>();
  /** functions and classes defined in the notebook. */
  readonly functions = new Map<string, FunctionInfo>();
  readonly classes = new Set<string>();

  /** A plain assignment to `name`: it no longer means what it meant. */
  bind(name: string, type: string | null): void {
    this.modules.delete(name);
    this.functions.delete(name);
    this.classes.delete(name);
    if (type) this.types.set(name, type);
    else this.types.delete(name);
  }
}

/**
 * The qualified meaning of an expression: a module path, a dotted object path or a type, or null
 * when the resolver cannot place it. `qualify(sns.heatmap)` -> 'seaborn.heatmap';
 * `qualify(pd.read_csv(...))` -> 'pandas.DataFrame' (the call's value, by its return type).
 */
export function qualify(node: Node, env: Env): string | null {
  switch (node.type) {
    case 'identifier': {
      const name = node.text;
      return env.modules.get(name) ?? env.types.get(name) ?? (env.functions.has(name) || env.classes.has(name) ? name : null);
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute')?.text;
      if (!object || !attr) return null;
      const base = qualify(object, env);
      return base ? attributeTypeOf(base, attr) : null;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const callee = fn ? calleeName(fn, env) : null;
      return callee ? returnTypeOf(callee, node, env) : null;
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const base = value ? qualify(value, env) : null;
      return base ? subscriptTypeOf(base, node) : null;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return inner ? qualify(inner, env) : null;
    }
    default:
      return null;
  }
}

/** The callee's qualified name, or null when unplaceable. Notebook functions and classes resolve to themselves. */
export function calleeName(fn: Node, env: Env): string | null {
  if (fn.type === 'identifier') {
    const name = fn.text;
    if (env.modules.has(name)) return env.modules.get(name)!;
    if (env.functions.has(name) || env.classes.has(name)) return name;
    return null;
  }
  if (fn.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute')?.text;
    if (!object || !attr) return null;
    const base = qualify(object, env);
    return base ? `${base}.${attr}` : null;
  }
  return null;
}

/** The written form of a callee, whitespace removed: 'df.plot.bar', 'plot_it', 'df[col].hist'. */
export function writtenName(fn: Node): string {
  return fn.text.replace(/\s+/g, '').slice(0, 120);
}

/** The identifier an expression is rooted at: `df` for `df['a'].values`, `ax` for `axes[0].ax`. */
export function rootName(node: Node | null): string | null {
  let n: Node | null = node;
  while (n) {
    if (n.type === 'identifier') return n.text;
    if (n.type === 'attribute') n = n.childForFieldName('object');
    else if (n.type === 'subscript') n = n.childForFieldName('value');
    else if (n.type === 'call') n = n.childForFieldName('function');
    else if (n.type === 'parenthesized_expression') n = n.namedChildren[0] ?? null;
    else return null;
  }
  return null;
}

export function identifiersOf(node: Node): string[] {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute' || node.type === 'subscript') return [];
  return node.namedChildren.flatMap((c) => (c ? identifiersOf(c) : []));
}

/** The type of one item of a loop's iterable: Axes for `axes.flat`, `axes.flatten()`, `enumerate(axes)`. */
export function loopItemType(iter: Node | null, env: Env): string | null {
  if (!iter) return null;
  const t = qualify(iter, env);
  if (t && (t === AXES || t.startsWith(`${AXES}.`))) return AXES;
  if (iter.type === 'call') {
    const fn = iter.childForFieldName('function')?.text;
    const first = iter.childForFieldName('arguments')?.namedChildren[0];
    if ((fn === 'enumerate' || fn === 'zip') && first) return loopItemType(first, env);
  }
  return null;
}

export function cloneEnv(env: Env): Env {
  const copy = new Env();
  for (const [k, v] of env.modules) copy.modules.set(k, v);
  for (const [k, v] of env.types) copy.types.set(k, v);
  for (const [k, v] of env.functions) copy.functions.set(k, v);
  for (const c of env.classes) copy.classes.add(c);
  return copy;
}
