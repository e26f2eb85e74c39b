import { describe, expect, it } from 'vitest';
import { formatDescription, parseDescription } from './description';
import { regionToPixels } from './build-project-xml';
import { guidFor } from './guid';

const texts = { shortDefinition: 'Bars', definition: 'Rectangles\nwith [brackets]', whenToUse: '', whenNotToUse: 'Histograms' };

describe('REFI-QDA code descriptions', () => {
  it('read back exactly what they wrote, including kind, status and shortcut', () => {
    const d = formatDescription({ ...texts, kind: 'code', status: 'deprecated', shortcut: 'b' });
    expect(parseDescription(d)).toEqual({ ...texts, kind: 'code', status: 'deprecated', shortcut: 'b' });
    expect(parseDescription(formatDescription({ shortDefinition: '', definition: '', whenToUse: '', whenNotToUse: '', kind: 'category', status: 'active', shortcut: null }))).toEqual({
      shortDefinition: '', definition: '', whenToUse: '', whenNotToUse: '', kind: 'category', status: 'active', shortcut: null,
    });
  });
  it('take another tool’s plain description as the definition', () => {
    expect(parseDescription('  Trust in the model  ')).toEqual({ shortDefinition: '', definition: 'Trust in the model', whenToUse: '', whenNotToUse: '' });
  });
});

describe('picture regions', () => {
  it('turn fractions into integer pixels, top-left then bottom-right, clamped to the image', () => {
    expect(regionToPixels({ x: 0.1, y: 0.25, w: 0.5, h: 0.5 }, 200, 100)).toEqual({ firstX: 20, firstY: 25, secondX: 120, secondY: 75 });
    expect(regionToPixels({ x: 0.9, y: -0.1, w: 0.5, h: 0.3 }, 200, 100)).toEqual({ firstX: 180, firstY: 0, secondX: 200, secondY: 20 });
    expect(regionToPixels(null, 640, 480)).toEqual({ firstX: 0, firstY: 0, secondX: 640, secondY: 480 });
  });
});

describe('GUIDs', () => {
  it('are uuid v5, stable per object and distinct across kinds', () => {
    expect(guidFor('code', 12)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFor('code', 12)).toBe(guidFor('code', '12'));
    expect(guidFor('code', 12)).not.toBe(guidFor('user', 12));
  });
});
