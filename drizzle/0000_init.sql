CREATE TABLE "cells" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notebook_id" integer NOT NULL,
	"position" integer NOT NULL,
	"cell_type" text NOT NULL,
	"source" text NOT NULL,
	"execution_count" integer,
	"outputs" json NOT NULL,
	"metadata" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notebooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"reject_reason" text,
	"original_nbformat" smallint NOT NULL,
	"nbformat_minor" smallint NOT NULL,
	"language" text,
	"kernel_name" text,
	"libraries" text[] DEFAULT '{}'::text[] NOT NULL,
	"code_cells" integer DEFAULT 0 NOT NULL,
	"markdown_cells" integer DEFAULT 0 NOT NULL,
	"raw_cells" integer DEFAULT 0 NOT NULL,
	"heading_cells" integer DEFAULT 0 NOT NULL,
	"error_outputs" integer DEFAULT 0 NOT NULL,
	"visualisation_count" integer DEFAULT 0 NOT NULL,
	"bytes" bigint NOT NULL,
	"metadata" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"thumbnail_at" timestamp with time zone,
	"dhash" bigint,
	"dhash_v" bigint,
	"dup_group" text,
	"derivative_error" text
);
--> statement-breakpoint
CREATE TABLE "visualisations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notebook_id" integer NOT NULL,
	"cell_id" bigint NOT NULL,
	"cell_position" integer NOT NULL,
	"output_index" integer NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"mimes" text[] NOT NULL,
	"blob_sha256" text,
	"spec" json,
	"library" text,
	"context_before" integer[] NOT NULL,
	"context_after" integer,
	"has_context" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cells" ADD CONSTRAINT "cells_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visualisations" ADD CONSTRAINT "visualisations_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visualisations" ADD CONSTRAINT "visualisations_cell_id_cells_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."cells"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visualisations" ADD CONSTRAINT "visualisations_blob_sha256_blobs_sha256_fk" FOREIGN KEY ("blob_sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cells_notebook_position_idx" ON "cells" USING btree ("notebook_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "notebooks_content_hash_idx" ON "notebooks" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "notebooks_title_idx" ON "notebooks" USING btree ("title");--> statement-breakpoint
CREATE INDEX "blobs_pending_idx" ON "blobs" USING btree ("thumbnail_at");--> statement-breakpoint
CREATE INDEX "blobs_dup_group_idx" ON "blobs" USING btree ("dup_group");--> statement-breakpoint
CREATE INDEX "vis_notebook_idx" ON "visualisations" USING btree ("notebook_id","id");--> statement-breakpoint
CREATE INDEX "vis_mime_idx" ON "visualisations" USING btree ("mime","id");--> statement-breakpoint
CREATE INDEX "vis_library_idx" ON "visualisations" USING btree ("library","id");--> statement-breakpoint
CREATE INDEX "vis_blob_idx" ON "visualisations" USING btree ("blob_sha256");