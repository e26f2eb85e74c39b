// Panels of a figure image, measured with sharp. Everything reachable from the image border through
// background-coloured pixels is figure background (margins, white gutters between subplots); what is
// left are axes (framed by spines or filled with a style's grey), their tick labels and titles. Large
// connected blocks of that foreground, merged where they overlap, are the panels.
import sharp from 'sharp';

export interface Layout { panels: number; width: number; height: number }

const MAX_SIDE = 320;

export async function measureLayout(png: Buffer): Promise<Layout> {
  const img = sharp(png).flatten({ background: '#ffffff' }).greyscale();
  const meta = await img.metadata();
  const { data, info } = await img.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  const w = info.width;
  const h = info.height;
  const corners = [data[0], data[w - 1], data[(h - 1) * w], data[h * w - 1]].sort((a, b) => a - b);
  const bg = corners[1];
  const isBg = (i: number) => Math.abs(data[i] - bg) <= 10;

  // Flood the background from the border.
  const outside = new Uint8Array(w * h);
  const stack: number[] = [];
  for (let x = 0; x < w; x++) stack.push(x, (h - 1) * w + x);
  for (let y = 0; y < h; y++) stack.push(y * w, y * w + w - 1);
  while (stack.length) {
    const i = stack.pop()!;
    if (outside[i] || !isBg(i)) continue;
    outside[i] = 1;
    const x = i % w;
    if (x > 0) stack.push(i - 1);
    if (x < w - 1) stack.push(i + 1);
    if (i >= w) stack.push(i - w);
    if (i < w * (h - 1)) stack.push(i + w);
  }

  // Bounding boxes of the foreground's connected components.
  const seen = new Uint8Array(w * h);
  const boxes: Array<[number, number, number, number]> = [];
  for (let s = 0; s < w * h; s++) {
    if (outside[s] || seen[s]) continue;
    let [x0, y0, x1, y1] = [w, h, 0, 0];
    stack.push(s);
    seen[s] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i >= w ? i - w : -1, i < w * (h - 1) ? i + w : -1]) {
        if (j >= 0 && !seen[j] && !outside[j]) { seen[j] = 1; stack.push(j); }
      }
    }
    // A panel is a sizeable block: not a letter, a tick label or a colour bar.
    if (x1 - x0 >= 0.12 * w && y1 - y0 >= 0.12 * h) boxes.push([x0, y0, x1, y1]);
  }
  return { panels: mergeOverlapping(boxes).length, width: meta.width ?? w, height: meta.height ?? h };
}

function mergeOverlapping(boxes: Array<[number, number, number, number]>) {
  const out = [...boxes];
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const [a, b] = [out[i], out[j]];
        if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) {
          out[i] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
          out.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return out;
}
