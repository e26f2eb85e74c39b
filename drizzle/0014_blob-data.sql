CREATE TABLE "blob_data" (
	"key" text PRIMARY KEY NOT NULL,
	"mime" text,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
-- Images are compressed already; EXTERNAL (uncompressed TOAST) also lets substring() read a slice without the whole value.
ALTER TABLE "blob_data" ALTER COLUMN "data" SET STORAGE EXTERNAL;
