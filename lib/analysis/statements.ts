// Reads one cell's syntax tree into plain facts per top-level statement: the names it defines, reads
// and updates, and its calls with resolved names. Statements are read in execution order against one
// Env, so a name means what it meant when that cell ran.
import type { Node } from './parser';
import { Env, calleeName, cloneEnv, identifiersOf, loopItemType, qualify, rootName, writtenName } from './names';
import { AXES, FIGURE } from './types-table';
import { bindImport } from './imports';

import type { Call, Stmt } from './stmt';

export type { Call, Stmt };

const MUTATING = new Set([
  'append', 'extend', 'insert', 'pop', 'remove', 'clear', 'update', 'add', 'discard', 'sort', 'reverse', 'setdefault',
  'fit', 'partial_fit', 'fit_transform', 'fit_generator', 'train', 'compile', 'load_state_dict', 'load_weights', 'set_index',
]);
const FIGURE_LIKE = /^(matplotlib\.(axes|figure)\.|seaborn\.[A-Z]|seaborn\.matrix\.|plotly\.graph_objects\.Figure|bokeh\.plotting\.figure|altair\.Chart)/;

interface Facts {
  defs: Set<string>;
  uses: Set<string>;
  updates: Set<string>;
  calls: Call[];
  loop: boolean;
}

export class StatementReader {
  constructor(
    readonly env: Env,
    private readonly cell: number,
  ) {}

  read(node: Node, index: number): Stmt {
    const facts: Facts = { defs: new Set(), uses: new Set(), updates: new Set(), calls: [], loop: false };
    let helperCalls: Call[] | null = null;
    if (node.type === 'function_definition' || node.type === 'decorated_definition') {
      helperCalls = this.readFunction(node, facts, index);
    } else this.visit(node, facts, this.env);
    let exprType: string | null = null;
    let isExpression = false;
    if (node.type === 'expression_statement' && node.namedChildCount === 1) {
      const expr = node.namedChildren[0]!;
      isExpression = expr.type !== 'assignment' && expr.type !== 'augmented_assignment';
      if (isExpression) exprType = qualify(expr, this.env);
    }
    return {
      index,
      cell: this.cell,
      first: node.startPosition.row,
      last: node.endPosition.column === 0 && node.endPosition.row > node.startPosition.row ? node.endPosition.row - 1 : node.endPosition.row,
      defs: [...facts.defs],
      uses: [...facts.uses],
      updates: [...facts.updates],
      calls: facts.calls,
      loop: facts.loop,
      helperCalls,
      exprType,
      isImport: node.type === 'import_statement' || node.type === 'import_from_statement',
      isExpression,
    };
  }

  private readFunction(node: Node, facts: Facts, index: number): Call[] {
    const def = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
    for (const d of node.type === 'decorated_definition' ? node.namedChildren.filter((c) => c?.type === 'decorator') : []) {
      this.visit(d!, facts, this.env);
    }
    if (!def || def.type !== 'function_definition') {
      if (def) this.visit(def, facts, this.env);
      return [];
    }
    const name = def.childForFieldName('name')!.text;
    // The body runs later, in its own scope: read it against a copy of today's names, parameters unbound.
    const inner = cloneEnv(this.env);
    const params = new Set<string>();
    const paramsNode = def.childForFieldName('parameters');
    for (const p of paramsNode?.namedChildren ?? []) {
      if (!p) continue;
      const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'));
      if (id) params.add(id.text);
      const dflt = p.childForFieldName('value');
      if (dflt) this.visit(dflt, facts, this.env);
    }
    for (const p of params) inner.bind(p, null);
    const body: Facts = { defs: new Set(), uses: new Set(), updates: new Set(), calls: [], loop: false };
    const block = def.childForFieldName('body');
    if (block) this.visit(block, body, inner);
    for (const u of body.uses) if (!params.has(u) && !body.defs.has(u)) facts.uses.add(u);
    for (const u of body.updates) if (!params.has(u) && !body.defs.has(u)) facts.updates.add(u);
    facts.defs.add(name);
    this.env.bind(name, null);
    this.env.functions.set(name, { name, cell: this.cell, stmt: index });
    return body.calls;
  }

  private visit(node: Node, f: Facts, env: Env): void {
    switch (node.type) {
      case 'comment':
      case 'pass_statement':
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
        return;
      case 'string':
        // Only f-strings hold names; reading a long literal's parts would cost for nothing.
        if (/^[rRbBuU]*["']/.test(node.text.slice(0, 3))) return;
        break;
      case 'list':
      case 'tuple':
      case 'set':
      case 'dictionary':
        // Data written into the code (long literal arrays) holds no names.
        if (node.endIndex - node.startIndex > 64 && !/[A-Za-z_]/.test(node.text.replace(/(["'])(?:\\.|(?!\1).)*\1/g, ''))) return;
        break;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        return bindImport(node, f.defs, env);
      case 'function_definition':
      case 'decorated_definition': {
        // A nested def: its name is local to the enclosing body.
        const def = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
        const name = def?.childForFieldName('name')?.text;
        if (name) f.defs.add(name);
        const block = def?.childForFieldName('body');
        if (block) this.visit(block, f, env);
        return;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name')!.text;
        const sup = node.childForFieldName('superclasses');
        if (sup) this.visit(sup, f, env);
        const body: Facts = { defs: new Set(), uses: new Set(), updates: new Set(), calls: [], loop: false };
        const block = node.childForFieldName('body');
        if (block) this.visit(block, body, cloneEnv(env));
        for (const u of body.uses) if (!body.defs.has(u)) f.uses.add(u);
        f.defs.add(name);
        env.bind(name, null);
        env.classes.add(name);
        return;
      }
      case 'assignment':
        return this.readAssignment(node, f, env);
      case 'augmented_assignment': {
        const right = node.childForFieldName('right');
        if (right) this.visit(right, f, env);
        const left = node.childForFieldName('left');
        const root = rootName(left);
        if (left && left.type !== 'identifier') this.visit(left, f, env);
        if (root) {
          f.uses.add(root);
          f.updates.add(root);
        }
        return;
      }
      case 'for_statement':
      case 'while_statement': {
        f.loop = true;
        const right = node.childForFieldName('right') ?? node.childForFieldName('condition');
        if (right) this.visit(right, f, env);
        const left = node.childForFieldName('left');
        if (left) this.bindTargets(left, f, env, loopItemType(right, env));
        for (const c of node.namedChildren) if (c && c !== left && c !== right) this.visit(c, f, env);
        return;
      }
      case 'as_pattern': {
        for (const c of node.namedChildren) if (c && c.type !== 'as_pattern_target') this.visit(c, f, env);
        const target = node.namedChildren.find((c) => c?.type === 'as_pattern_target');
        if (target) this.bindTargets(target, f, env, null);
        return;
      }
      case 'named_expression': {
        const value = node.childForFieldName('value');
        if (value) this.visit(value, f, env);
        const name = node.childForFieldName('name');
        if (name) this.bindTargets(name, f, env, value ? qualify(value, env) : null);
        return;
      }
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        if (value) this.visit(value, f, env);
        return;
      }
      case 'attribute': {
        const object = node.childForFieldName('object');
        if (object) this.visit(object, f, env);
        return;
      }
      case 'identifier':
        f.uses.add(node.text);
        return;
      case 'call':
        for (const c of node.namedChildren) if (c) this.visit(c, f, env);
        f.calls.push(this.readCall(node, env, f));
        return;
    }
    for (const c of node.namedChildren) if (c) this.visit(c, f, env);
  }

  private readAssignment(node: Node, f: Facts, env: Env): void {
    const right = node.childForFieldName('right');
    const left = node.childForFieldName('left');
    const before = f.calls.length;
    if (right) this.visit(right, f, env);
    if (!left) return;
    const names = identifiersOf(left);
    // The value's call (`g = sns.pairplot(...)`) is bound to the assigned names: figures follow them.
    if (right?.type === 'call' && f.calls.length > before) f.calls[f.calls.length - 1].assignedTo = names;
    if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') {
      const callee = right?.type === 'call' ? calleeName(right.childForFieldName('function')!, env) : null;
      if (callee === 'matplotlib.pyplot.subplots' || callee === 'matplotlib.pyplot.subplot_mosaic') {
        const [first, ...rest] = left.namedChildren;
        if (first) this.bindTargets(first, f, env, FIGURE);
        for (const r of rest) if (r) this.bindTargets(r, f, env, AXES);
        return;
      }
    }
    this.bindTargets(left, f, env, right ? qualify(right, env) : null);
  }

  /** Binds assignment targets: names are defined; attributes and subscripts update their root. */
  private bindTargets(target: Node, f: Facts, env: Env, type: string | null): void {
    switch (target.type) {
      case 'identifier':
        f.defs.add(target.text);
        env.bind(target.text, type);
        return;
      case 'attribute':
      case 'subscript': {
        const root = rootName(target);
        if (root) {
          f.uses.add(root);
          f.updates.add(root);
        }
        const inner = target.type === 'subscript' ? target.childForFieldName('subscript') : null;
        if (inner) this.visit(inner, f, env);
        return;
      }
      default:
        for (const c of target.namedChildren) if (c) this.bindTargets(c, f, env, type === AXES ? AXES : null);
    }
  }

  private readCall(node: Node, env: Env, f: Facts): Call {
    const fn = node.childForFieldName('function')!;
    const name = calleeName(fn, env) ?? writtenName(fn);
    const object = fn.type === 'attribute' ? fn.childForFieldName('object') : null;
    const receiver = object ? rootName(object) : null;
    const receiverType = object ? qualify(object, env) : null;
    const args: string[] = [];
    const kwargs: Record<string, string> = {};
    let axArg: string | null = null;
    for (const a of node.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const key = a.childForFieldName('name')?.text ?? '';
        const value = a.childForFieldName('value');
        kwargs[key] = value?.text.slice(0, 200) ?? '';
        if (key === 'ax') axArg = rootName(value);
      } else args.push(a.text.slice(0, 200));
    }
    const attr = name.split('.').pop() ?? name;
    // A module is never "updated" by calling it (plt.title, sns.set_style).
    if (receiver && !env.modules.has(receiver) && (MUTATING.has(attr) || attr.startsWith('set_') || kwargs.inplace === 'True' || (receiverType && FIGURE_LIKE.test(receiverType)))) {
      f.updates.add(receiver);
    }
    return {
      name,
      attr,
      cell: this.cell,
      line: node.startPosition.row,
      args,
      kwargs,
      text: node.text.slice(0, 200),
      receiver,
      receiverType,
      helper: fn.type === 'identifier' ? (env.functions.get(fn.text)?.stmt ?? null) : null,
      axArg,
      assignedTo: [],
    };
  }
}
