import type { CodeSnapshot } from '@/lib/coding/codebook/snapshot';

const LABELS: Partial<Record<keyof CodeSnapshot, string>> = {
  name: 'name',
  kind: 'kind',
  parentId: 'parent',
  shortDefinition: 'short definition',
  definition: 'definition',
  whenToUse: 'when to use',
  whenNotToUse: 'when not to use',
  colour: 'colour',
  shortcut: 'shortcut',
  status: 'status',
  exampleVisualisationIds: 'examples',
  position: 'order',
};

/** One touched code of a changeset in words: "created", "name: Scater → Scatter; shortcut: — → s". */
export function describeCodeChange(
  before: CodeSnapshot | null,
  after: CodeSnapshot | null,
  nameOf: (id: number | null) => string = (id) => (id === null ? 'top level' : `#${id}`),
): string {
  if (!before && after) return 'created';
  if (before && !after) return 'removed';
  if (!before || !after) return '';
  const show = (field: keyof CodeSnapshot, v: unknown): string => {
    if (field === 'parentId') return nameOf(v as number | null);
    if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
    if (v === null || v === '') return '—';
    const s = String(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  };
  const parts = (Object.keys(LABELS) as Array<keyof CodeSnapshot>)
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => `${LABELS[f]}: ${show(f, before[f])} → ${show(f, after[f])}`);
  if (after.status === 'merged' && after.mergedIntoId !== before.mergedIntoId) parts.push(`merged into ${nameOf(after.mergedIntoId)}`);
  return parts.join('; ') || 'no visible change';
}
