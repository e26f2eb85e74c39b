'use client';
import type { CodeNode } from '@/lib/coding/codebook/tree';
import type { CodeSnapshot } from '@/lib/coding/codebook/snapshot';

type Node = CodeNode<CodeSnapshot & { uses?: number }>;

/** The codebook as an indented tree: colour swatch, name, shortcut key, status and how often it is used. */
export function CodeTree({ tree, selectedId, onSelect, showMerged = false, label }: { tree: Node[]; selectedId?: number | null; onSelect?: (id: number) => void; showMerged?: boolean; label: string }) {
  const rows: Array<{ node: Node; depth: number }> = [];
  const walk = (nodes: Node[], depth: number) => {
    for (const n of nodes) {
      if (n.status === 'merged' && !showMerged) continue;
      rows.push({ node: n, depth });
      walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);
  return (
    <ul className="cb-tree" role="tree" aria-label={label}>
      {rows.map(({ node: c, depth }) => (
        <li
          key={c.id}
          role="treeitem"
          aria-selected={selectedId === c.id}
          aria-level={depth + 1}
          data-code={c.name}
          className={`cb-row ${selectedId === c.id ? 'selected' : ''} ${c.status !== 'active' ? 'inactive' : ''} ${c.kind}`}
          style={{ paddingLeft: 8 + depth * 20 }}
          onClick={() => onSelect?.(c.id)}
        >
          <span className="cb-swatch" style={{ background: c.colour }} aria-hidden />
          <span className="cb-name">{c.name}</span>
          {c.kind === 'category' && <span className="badge">category</span>}
          {c.status !== 'active' && <span className={`badge ${c.status === 'merged' ? 'accent' : 'warn'}`}>{c.status}</span>}
          {c.shortDefinition && <span className="cb-short">{c.shortDefinition}</span>}
          <span className="cb-spacer" />
          {c.uses !== undefined && c.kind === 'code' && <span className="cb-uses" title="codings with this code">{c.uses}×</span>}
          {c.shortcut && (
            <kbd className="kbd" title={`Shortcut key in the coding workspace: ${c.shortcut}`}>
              {c.shortcut}
            </kbd>
          )}
        </li>
      ))}
    </ul>
  );
}
