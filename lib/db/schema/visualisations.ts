import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { cells, notebooks } from './notebooks';

// Content-addressed image store: the bytes live on disk under blobs/<sha[0:2]>/<sha>.
export const blobs = pgTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    // Filled in the background (thumbnail + perceptual hash); null until then.
    thumbnailAt: timestamp('thumbnail_at', { withTimezone: true }),
    // Perceptual hashes (dHash over rows, and over columns); both must be close for near-duplicates.
    dhash: bigint('dhash', { mode: 'bigint' }),
    dhashV: bigint('dhash_v', { mode: 'bigint' }),
    // Near-duplicate group: the sha256 of the first blob seen with a dHash within the threshold.
    dupGroup: text('dup_group'),
    derivativeError: text('derivative_error'),
  },
  (t) => [index('blobs_pending_idx').on(t.thumbnailAt), index('blobs_dup_group_idx').on(t.dupGroup)],
);

export const visualisationKinds = ['image', 'plotly', 'vega-lite', 'vega', 'bokeh', 'html'] as const;
export type VisualisationKind = (typeof visualisationKinds)[number];

// One per output that carries a figure (an image and/or an interactive spec).
export const visualisations = pgTable(
  'visualisations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notebookId: integer('notebook_id')
      .notNull()
      .references(() => notebooks.id, { onDelete: 'cascade' }),
    cellId: bigint('cell_id', { mode: 'number' })
      .notNull()
      .references(() => cells.id, { onDelete: 'cascade' }),
    cellPosition: integer('cell_position').notNull(),
    outputIndex: integer('output_index').notNull(),
    kind: text('kind', { enum: visualisationKinds }).notNull(),
    mime: text('mime').notNull(), // the representation shown (image MIME when there is one)
    mimes: text('mimes').array().notNull(), // every representation the output carries
    blobSha256: text('blob_sha256').references(() => blobs.sha256),
    // Interactive and HTML figures drawn to a PNG in the background (lib/render); null until then.
    // blob_sha256 stays the notebook's own image: readers take coalesce(blob, rendered) (imageSha).
    renderedSha256: text('rendered_sha256').references(() => blobs.sha256),
    renderedAt: timestamp('rendered_at', { withTimezone: true }),
    renderError: text('render_error'),
    spec: json('spec'), // plotly / vega / vega-lite JSON, or { html } for HTML figures
    // Markdown context: the nearest markdown cells before the generating cell, and the first after.
    contextBefore: integer('context_before').array().notNull(), // cell positions
    contextAfter: integer('context_after'),
    hasContext: boolean('has_context').notNull(),
  },
  (t) => [
    index('vis_notebook_idx').on(t.notebookId, t.id),
    index('vis_mime_idx').on(t.mime, t.id),
    index('vis_blob_idx').on(t.blobSha256),
    index('vis_rendered_idx').on(t.renderedSha256),
    index('vis_render_pending_idx').on(t.id).where(sql`${t.renderedAt} is null and ${t.blobSha256} is null and ${t.kind} <> 'image'`),
  ],
);

export type Blob = typeof blobs.$inferSelect;
export type Visualisation = typeof visualisations.$inferSelect;
export type NewVisualisation = typeof visualisations.$inferInsert;

/**
 * The figure's static image: the notebook's own image, else the PNG rendered from its interactive
 * spec. Every reader of a visualisation's image (thumbnails, workspace, dHash, exports) goes through it.
 */
export function imageSha(t: { blobSha256: typeof visualisations.blobSha256; renderedSha256: typeof visualisations.renderedSha256 } = visualisations): SQL<string | null> {
  return sql<string | null>`coalesce(${t.blobSha256}, ${t.renderedSha256})`;
}
