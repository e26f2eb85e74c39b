// Import statements: each alias is bound to the module or object's real, canonical name.
import type { Node } from './parser';
import type { Env } from './names';

export function bindImport(node: Node, defs: Set<string>, env: Env): void {
  const from = node.type === 'import_from_statement' ? node.childForFieldName('module_name')?.text.replace(/\s+/g, '') : null;
  for (const item of node.childrenForFieldName('name')) {
    if (!item) continue;
    const aliased = item.type === 'aliased_import';
    const dotted = (aliased ? item.childForFieldName('name')! : item).text.replace(/\s+/g, '');
    const alias = aliased ? item.childForFieldName('alias')!.text : from ? dotted : dotted.split('.')[0];
    const target = from ? `${from.replace(/^\.+/, '')}.${dotted}` : aliased ? dotted : dotted.split('.')[0];
    env.bind(alias, null);
    env.modules.set(alias, canonicalModule(target));
    defs.add(alias);
  }
  if (node.namedChildren.some((c) => c?.type === 'wildcard_import') && from) {
    // `from pylab import *` and friends: the module's names become bare; known ones matter for plotting.
    for (const name of WILDCARD_NAMES[from] ?? []) env.modules.set(name, canonicalModule(`${from}.${name}`));
  }
}

const PYPLOT_NAMES = ['figure', 'subplots', 'subplot', 'plot', 'show', 'title', 'xlabel', 'ylabel', 'bar', 'barh', 'hist', 'scatter', 'imshow', 'pie', 'legend', 'close', 'boxplot', 'savefig', 'tight_layout', 'grid', 'xticks', 'yticks', 'axis', 'suptitle', 'fill_between', 'errorbar', 'contour', 'contourf', 'colorbar', 'matshow', 'text', 'annotate', 'xlim', 'ylim', 'gca', 'gcf'];
const WILDCARD_NAMES: Record<string, string[]> = {
  pylab: PYPLOT_NAMES,
  'matplotlib.pyplot': PYPLOT_NAMES,
  'plotly.offline': ['iplot', 'plot', 'init_notebook_mode'],
};

/** One name per module: pylab is pyplot's namespace, plotly.graph_objs the old name of graph_objects. */
export function canonicalModule(name: string): string {
  return name.replace(/^(matplotlib\.)?pylab(?=\.|$)/, 'matplotlib.pyplot').replace(/^plotly\.graph_objs(?=\.|$)/, 'plotly.graph_objects');
}

/**
 * The top-level modules an import statement needs installed: `import a.b as c, d` → a and d,
 * `from a.b import c` → a. A relative import (`from . import x`) is the notebook's own file: none.
 */
export function importedModules(node: Node): string[] {
  if (node.type === 'future_import_statement') return ['__future__'];
  if (node.type === 'import_from_statement') {
    const from = node.childForFieldName('module_name')?.text.replace(/\s+/g, '') ?? '';
    return from && !from.startsWith('.') ? [from.split('.')[0]] : [];
  }
  return node.childrenForFieldName('name').flatMap((item) => {
    const name = item?.type === 'aliased_import' ? item.childForFieldName('name') : item;
    return name ? [name.text.split('.')[0].trim()] : [];
  });
}
