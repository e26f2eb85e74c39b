import { imageSize as readSize } from 'image-size';

// Beyond this a header is lying (and the database's integer columns would refuse it).
const MAX_SIDE = 1_000_000;
// An SVG's root tag comes first; its size is read from the head of the file, not a multi-MB string.
const SVG_HEAD = 64 * 1024;

/**
 * Width and height from the image's header with image-size, keeping sharp off the import hot path
 * (thumbnails come later). SVG sizes follow the browser: a percentage width falls back to the
 * viewBox, and units (pt, in, cm, mm, em) become pixels at 96 per inch. Null when unreadable.
 */
export function imageSize(mime: string, bytes: Uint8Array): { width: number; height: number } | null {
  const input = mime === 'image/svg+xml' ? bytes.subarray(0, SVG_HEAD) : bytes;
  try {
    const { width, height } = readSize(input);
    const ok = (n: number | undefined): n is number => typeof n === 'number' && n >= 1 && n <= MAX_SIDE;
    return ok(width) && ok(height) ? { width: Math.round(width), height: Math.round(height) } : null;
  } catch {
    return null; // not an image type image-size knows, or a broken header
  }
}
