import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeNextPath('/visualisations?library=seaborn')).toBe('/visualisations?library=seaborn');
    expect(safeNextPath('/studies/3')).toBe('/studies/3');
  });
  it('sends anything else home', () => {
    for (const bad of [null, undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/\t/evil.example']) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
});
