// OCR and layout on images rendered here with sharp from SVG: no network, no files from outside.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { measureLayout } from './layout';
import { ocrText, terminateOcr } from './ocr';
import { call, input } from './test-input';
import { labelVisualisationWithImage } from './with-image';

const png = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

const axes = (x: number, y: number, w: number, h: number) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="white" stroke="black" stroke-width="2"/>
   <polyline points="${x + 10},${y + h - 10} ${x + w / 2},${y + 20} ${x + w - 10},${y + h / 2}" fill="none" stroke="#1f77b4" stroke-width="2"/>`;

const rocSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
  <rect width="640" height="480" fill="white"/>
  ${axes(80, 60, 500, 340)}
  <text x="200" y="40" font-family="sans-serif" font-size="28">ROC curve</text>
  <text x="200" y="450" font-family="sans-serif" font-size="22">False Positive Rate</text>
</svg>`;

afterAll(() => terminateOcr());

describe('image evidence (offline)', () => {
  it('reads the text of a rendered chart with tesseract from the local model', async () => {
    const text = await ocrText(await png(rocSvg));
    expect(text).toMatch(/ROC curve/i);
    expect(text).toMatch(/False Positive Rate/i);
  }, 60_000);

  it('counts one panel, a 2x2 grid and a 1x3 row', async () => {
    const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="white"/>${body}</svg>`;
    expect((await measureLayout(await png(svg(axes(80, 60, 660, 480))))).panels).toBe(1);
    const grid = [axes(60, 40, 320, 220), axes(440, 40, 320, 220), axes(60, 330, 320, 220), axes(440, 330, 320, 220)].join('');
    expect((await measureLayout(await png(svg(grid)))).panels).toBe(4);
    const row = [axes(40, 100, 220, 400), axes(300, 100, 220, 400), axes(560, 100, 220, 400)].join('');
    expect((await measureLayout(await png(svg(row)))).panels).toBe(3);
  }, 30_000);

  it('uses OCR only when the code leaves the chart open', async () => {
    const image = { png: await png(rocSvg) };
    const open = await labelVisualisationWithImage(input({ draw: [call('plot_results', ['clf'])] }), image);
    expect(open.usedOcr).toBe(true);
    expect(open.chartType.value).toBe('roc_curve');
    expect(open.mlStage.value).toBe('model_evaluation');
    const known = await labelVisualisationWithImage(input({ draw: [call('seaborn.countplot', [], { x: "'Survived'" })] }), image);
    expect(known.usedOcr).toBe(false);
    expect(known.chartType.value).toBe('bar');
  }, 60_000);
});
