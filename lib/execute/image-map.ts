import fs from 'node:fs';
import { z } from 'zod';

/** One rule: Kaggle `dockerImage` values matching `match` run in the local image `image`. */
export interface ImageMapping {
  match: string; // exact value, a glob with * (e.g. "gcr.io/kaggle-images/python*"), or /a regex/
  image: string;
}

const mappingSchema = z.union([
  z.array(z.object({ match: z.string().min(1), image: z.string().min(1) })),
  z.record(z.string().min(1), z.string().min(1)).transform((o) => Object.entries(o).map(([match, image]) => ({ match, image }))),
]);

/**
 * The mapping from VIZMINE_IMAGE_MAP: JSON (`{"gcr.io/kaggle-images/python*": "kaggle-python"}` or
 * `[{"match": …, "image": …}]`, rules tried in order), or the path of a file holding that JSON.
 */
export function imageMapFromEnv(raw = process.env.VIZMINE_IMAGE_MAP): ImageMapping[] {
  if (!raw?.trim()) return [];
  const text = raw.trim().startsWith('{') || raw.trim().startsWith('[') ? raw : fs.readFileSync(raw, 'utf8');
  try {
    return mappingSchema.parse(JSON.parse(text));
  } catch (e) {
    throw new Error(`VIZMINE_IMAGE_MAP is not a mapping of Kaggle dockerImage patterns to local images: ${(e as Error).message}`);
  }
}

/** The local image the first matching rule names, or null (no rule, or no dockerImage recorded). */
export function mappedImage(dockerImage: string | null | undefined, map: ImageMapping[]): string | null {
  if (!dockerImage) return null;
  return map.find((m) => matches(m.match, dockerImage))?.image ?? null;
}

function matches(pattern: string, value: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) return new RegExp(pattern.slice(1, -1)).test(value);
  if (pattern.includes('*')) {
    const re = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${re}$`).test(value);
  }
  return pattern === value;
}
