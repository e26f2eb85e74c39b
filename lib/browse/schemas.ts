import { z } from 'zod';
import { visualisationKinds } from '../db/schema';
import { origins } from './origins';

// A row id in a path or query: a positive int4 (a larger number is a 400, not the database's out-of-range 500).
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);

// A facet with several values arrives as a repeated query key (`?chartType=bar&chartType=line`).
const asList = (v: unknown) => (typeof v === 'string' ? [v] : v);
const multi = () => z.preprocess(asList, z.array(z.string().min(1).max(100)).max(50)).optional();

// Gallery filters: the same object travels in the URL, the API query and the query key.

export const galleryFilters = z.object({
  // Which notebooks' figures: originals (the default when absent), reproductions, or both.
  origin: z.enum(origins).optional(),
  notebook: idParam.optional(),
  mime: z.string().max(100).optional(),
  // The analysis engine's labels (lib/browse/label-filters): several values each, ORed; 'not_analysed' for figures without labels.
  chartType: multi(),
  stage: multi(),
  library: multi(),
  multiPanel: z.preprocess(asList, z.array(z.enum(['yes', 'no', 'not_analysed'])).max(3)).optional(),
  kind: z.enum(visualisationKinds).optional(),
  context: z.enum(['yes', 'no']).optional(),
  group: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  competition: z.string().max(200).optional(),
  medal: z.string().max(20).optional(),
  // Full-text search over the figure's code cell and markdown context (web-search syntax), optionally one kind.
  q: z.string().trim().min(1).max(300).optional(),
  qKind: z.enum(['markdown', 'code']).optional(),
});
export type GalleryFilters = z.infer<typeof galleryFilters>;

export const galleryQuery = galleryFilters.extend({
  cursor: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(60),
});
export type GalleryQuery = z.infer<typeof galleryQuery>;

export const notebookQuery = z.object({
  q: z.string().max(200).optional(),
  sort: z.enum(['title', 'imported', 'cells', 'visualisations', 'errors']).default('imported'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(['imported', 'rejected', 'all']).default('all'),
  // Executed notebooks (reproductions) are listed from their original's page unless asked for.
  origin: z.enum(origins).default('originals'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotebookQuery = z.infer<typeof notebookQuery>;

export const sha256Param = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256');
