import { describe, expect, it } from 'vitest';
import { decodeEntities, plainText } from './plain-text';
import { plural } from './plural';

describe('plainText', () => {
  it('drops plotly markup and decodes entities', () => {
    expect(plainText('<b>Survival</b> by class<br>Titanic &amp; friends')).toBe('Survival by class Titanic & friends');
    expect(decodeEntities('A &#38; B &#x2014; &lt;x&gt; &bogus;')).toBe('A & B — <x> &bogus;');
  });
});

describe('plural', () => {
  it('says one thing in the singular and the rest in the plural', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(0, 'file')).toBe('0 files');
    expect(plural(1200, 'visualisation')).toBe('1,200 visualisations');
    expect(plural(2, 'is', 'are')).toBe('2 are');
  });
});
