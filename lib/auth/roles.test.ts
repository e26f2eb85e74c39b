import { describe, expect, it } from 'vitest';
import { canSupervise, homePath } from './roles';

describe('what a role may do', () => {
  it('lets admins and supervisors run the corpus, not coders (nor nobody)', () => {
    expect([canSupervise('admin'), canSupervise('supervisor'), canSupervise('coder'), canSupervise(null)]).toEqual([true, true, false, false]);
  });
  it('sends a coder to the coding queue after sign-in, everyone else to the overview', () => {
    expect([homePath('coder'), homePath('supervisor'), homePath('admin'), homePath(undefined)]).toEqual(['/coding', '/', '/', '/']);
  });
});
