ALTER TABLE "visualisations" ADD COLUMN "rendered_sha256" text;--> statement-breakpoint
ALTER TABLE "visualisations" ADD COLUMN "rendered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visualisations" ADD COLUMN "render_error" text;--> statement-breakpoint
ALTER TABLE "visualisations" ADD CONSTRAINT "visualisations_rendered_sha256_blobs_sha256_fk" FOREIGN KEY ("rendered_sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vis_rendered_idx" ON "visualisations" USING btree ("rendered_sha256");--> statement-breakpoint
CREATE INDEX "vis_render_pending_idx" ON "visualisations" USING btree ("id") WHERE "visualisations"."rendered_at" is null and "visualisations"."blob_sha256" is null and "visualisations"."kind" <> 'image';