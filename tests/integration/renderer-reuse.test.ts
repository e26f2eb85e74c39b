// The renderer keeps a frame with plotly.js (or vega) loaded and swaps figures into it: each figure
// must still come out as itself (its own colours, its own size, nothing left of the one before), a
// bokeh figure (which can carry code) must get a frame of its own, and a figure its library refuses
// must not spoil the frame for the next one.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchRenderer, type FigureRenderer } from '../../lib/render/renderer';
import { figureSource } from '../../lib/render/figure-source';
import { bokehFigure } from '../helpers/figure-notebook';
import { hasChromium } from '../helpers/system';

const RED = [214, 39, 40];
const BLUE = [31, 119, 180];
const GREEN = [44, 160, 44];

const bars = (color: string, width: number, height: number) =>
  figureSource('plotly', { data: [{ type: 'bar', x: ['a', 'b', 'c'], y: [3, 7, 5], marker: { color } }], layout: { width, height } });
const vegaBars = (color: string) =>
  figureSource('vega-lite', { data: { values: [{ k: 'x', v: 4 }, { k: 'y', v: 9 }] }, mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' }, color: { value: color } } });

/** How many pixels of the PNG are (nearly) this colour. */
async function pixelsOf(png: Buffer, rgb: number[]): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels) if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 30) n++;
  return n;
}

describe.runIf(hasChromium())('a renderer that reuses its frames', () => {
  let renderer: FigureRenderer;
  beforeAll(async () => {
    renderer = await launchRenderer({ timeoutMs: 90_000 });
  });
  afterAll(() => renderer?.close());

  it('draws each figure as itself, loading plotly.js and vega once', async () => {
    // One at a time, so they share one page.
    const red = await renderer.render(bars('#d62728', 500, 320));
    const blue = await renderer.render(bars('#1f77b4', 640, 360));
    const green = await renderer.render(vegaBars('#2ca02c'));
    const redAgain = await renderer.render(bars('#d62728', 420, 300));
    const blueVega = await renderer.render(vegaBars('#1f77b4'));

    expect(await sharp(red).metadata()).toMatchObject({ width: 500, height: 320 });
    expect(await sharp(blue).metadata()).toMatchObject({ width: 640, height: 360 });
    expect(await sharp(redAgain).metadata()).toMatchObject({ width: 420, height: 300 });
    for (const [png, own, other] of [[red, RED, BLUE], [blue, BLUE, RED], [green, GREEN, BLUE], [redAgain, RED, BLUE], [blueVega, BLUE, GREEN]] as const) {
      expect(await pixelsOf(png, own)).toBeGreaterThan(1000);
      expect(await pixelsOf(png, other)).toBe(0);
    }
    expect(renderer.loads).toMatchObject({ plotly: 1, vega: 1, 'vega-lite': 1, 'vega-embed': 1 });
    expect(renderer.refused).toEqual([]);
  }, 300_000);

  it('gives every bokeh figure a frame of its own', async () => {
    for (let i = 0; i < 2; i++) expect(await pixelsOf(await renderer.render(figureSource('bokeh', bokehFigure)), BLUE)).toBeGreaterThan(1000);
    expect(renderer.loads.bokeh).toBe(2);
  }, 300_000);

  it("draws the next figure in the frame whose library refused the one before", async () => {
    const vegaLoads = renderer.loads.vega;
    await expect(renderer.render(figureSource('vega-lite', { data: { values: [] }, mark: 'no-such-mark' }))).rejects.toThrow(/^Cannot read properties .*'filled'/); // vega-lite's own words
    const green = await renderer.render(vegaBars('#2ca02c'));
    expect(await pixelsOf(green, GREEN)).toBeGreaterThan(1000);
    expect(renderer.loads.vega).toBe(vegaLoads);
  }, 300_000);
});
