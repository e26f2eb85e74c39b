import { describe, expect, it } from 'vitest';
import { canSeeOthersCodings } from './can-see-others';

const coder = (userId: string) => ({ userId, studyRole: 'coder' as const });
const item = (statuses: Record<string, string>, blind = true) => ({ blind, assignments: Object.entries(statuses).map(([userId, status]) => ({ userId, status })) });

describe('canSeeOthersCodings (the blind rule)', () => {
  it('hides others until every coder of a blind, double-coded item has submitted; a skip is not a submission', () => {
    expect(canSeeOthersCodings(coder('ann'), item({ ann: 'submitted', bob: 'pending' }))).toBe(false);
    expect(canSeeOthersCodings(coder('ann'), item({ ann: 'submitted', bob: 'skipped' }))).toBe(false);
    expect(canSeeOthersCodings(coder('ann'), item({ ann: 'submitted', bob: 'submitted' }))).toBe(true);
  });

  it('shows them when the sample is not blind or one coder codes the item', () => {
    expect(canSeeOthersCodings(coder('ann'), item({ ann: 'pending', bob: 'pending' }, false))).toBe(true);
    expect(canSeeOthersCodings(coder('ann'), item({ ann: 'pending' }))).toBe(true);
  });

  it('supervisors see them unless they code the item themselves', () => {
    expect(canSeeOthersCodings({ userId: 'sue', studyRole: 'supervisor' }, item({ ann: 'pending', bob: 'pending' }))).toBe(true);
    expect(canSeeOthersCodings({ userId: 'sue', studyRole: 'supervisor' }, item({ sue: 'submitted', bob: 'pending' }))).toBe(false);
    expect(canSeeOthersCodings({ userId: 'root', studyRole: 'admin' }, item({ root: 'pending', bob: 'submitted' }))).toBe(false);
  });
});
