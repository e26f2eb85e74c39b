import { headerSize } from './image-size';
import type { ExtractedVisualisation } from './extract-visualisations';

/** Larger than any real figure (a 300-dpi poster is ~15,000 px a side), far below what breaks a column or a decoder. */
export const MAX_IMAGE_SIDE = 100_000;

/**
 * The first image whose header claims an impossible size (width 3,671,968,213, say), described with
 * where it is; null when every image is plausible. Checked before anything is written, so a hostile
 * header neither breaks the database insert nor leaves a blob behind.
 */
export function findImpossibleImage(found: ExtractedVisualisation[]): { message: string; where: string } | null {
  for (const v of found) {
    if (!v.image) continue;
    const size = headerSize(v.image.mime, v.image.bytes);
    if (!size || (size.width <= MAX_IMAGE_SIDE && size.height <= MAX_IMAGE_SIDE)) continue;
    const where = `cell ${v.cellPosition} output ${v.outputIndex} ${v.image.mime}`;
    const claimed = `${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')}`;
    return { where, message: `${where}: the image header claims ${claimed} pixels; at most ${MAX_IMAGE_SIDE.toLocaleString('en')} a side are accepted` };
  }
  return null;
}
