import { customType, integer, pgTable, text } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// The bytes of blobs and thumbnails when VIZMINE_BLOB_STORE=postgres (lib/blobs/postgres-store.ts);
// empty with the folder or S3 stores. Keyed like every store: `<sha256>` or `thumbs/<sha256>.webp`.
export const blobData = pgTable('blob_data', {
  key: text('key').primaryKey(),
  mime: text('mime'),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
});
