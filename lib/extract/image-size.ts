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
  const size = headerSize(mime, bytes);
  const ok = (n: number) => n >= 1 && n <= MAX_SIDE;
  return size && ok(size.width) && ok(size.height) ? size : null;
}

/** What the header claims, however absurd (for the import's check of hostile headers); null when unreadable. */
export function headerSize(mime: string, bytes: Uint8Array): { width: number; height: number } | null {
  const input = mime === 'image/svg+xml' ? bytes.subarray(0, SVG_HEAD) : bytes;
  try {
    const { width, height } = readSize(input);
    return typeof width === 'number' && typeof height === 'number' ? { width: Math.round(width), height: Math.round(height) } : null;
  } catch {
    return null; // not an image type image-size knows, or a broken header
  }
}
