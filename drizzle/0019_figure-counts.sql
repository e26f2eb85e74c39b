CREATE TABLE "analytics_counts" (
	"reproduction" boolean NOT NULL,
	"chart_type" text NOT NULL,
	"ml_stage" text NOT NULL,
	"library" text NOT NULL,
	"year" text NOT NULL,
	"reproduction_status" text NOT NULL,
	"testing" text[] NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figure_count_parts" (
	"notebook_id" integer NOT NULL,
	"reproduction" boolean NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"context" boolean NOT NULL,
	"chart_type" text NOT NULL,
	"ml_stage" text NOT NULL,
	"library" text NOT NULL,
	"multi_panel" text NOT NULL,
	"labelled" boolean NOT NULL,
	"year" text NOT NULL,
	"reproduction_status" text NOT NULL,
	"testing" text[] NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gallery_counts" (
	"reproduction" boolean NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"context" boolean NOT NULL,
	"chart_type" text NOT NULL,
	"ml_stage" text NOT NULL,
	"library" text NOT NULL,
	"multi_panel" text NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "figure_count_parts_notebook_idx" ON "figure_count_parts" USING btree ("notebook_id");