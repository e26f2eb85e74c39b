import { describe, expect, it } from 'vitest';
import type { CodeSnapshot } from '@/lib/coding/codebook/snapshot';
import { describeCodeChange } from './describe-change';

const code: CodeSnapshot = {
  id: 7, studyId: 1, parentId: null, kind: 'code', name: 'Scater', shortDefinition: '', definition: '', whenToUse: '', whenNotToUse: '',
  exampleVisualisationIds: [], colour: '#4c78a8', shortcut: null, position: 0, status: 'active', mergedIntoId: null, createdBy: 'u',
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('describeCodeChange', () => {
  it('says created and removed', () => {
    expect(describeCodeChange(null, code)).toBe('created');
    expect(describeCodeChange(code, null)).toBe('removed');
  });
  it('lists each changed field with before and after, naming parents', () => {
    const names = (id: number | null) => (id === 3 ? 'Chart type' : 'top level');
    expect(describeCodeChange(code, { ...code, name: 'Scatter', shortcut: 's', parentId: 3, updatedAt: 'later' }, names)).toBe(
      'name: Scater → Scatter; parent: top level → Chart type; shortcut: — → s',
    );
  });
  it('says what a code was merged into', () => {
    expect(describeCodeChange(code, { ...code, status: 'merged', mergedIntoId: 3 }, (id) => (id === 3 ? 'Scatter plot' : '?'))).toBe('status: active → merged; merged into Scatter plot');
  });
});
