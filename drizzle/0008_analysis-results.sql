CREATE TABLE "notebook_analyses" (
	"notebook_id" integer PRIMARY KEY NOT NULL,
	"analyser_version" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"result" jsonb,
	"testing_properties" text[] DEFAULT '{}' NOT NULL,
	"imports" text[] DEFAULT '{}' NOT NULL,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visualisation_labels" (
	"visualisation_id" bigint PRIMARY KEY NOT NULL,
	"notebook_id" integer NOT NULL,
	"analyser_version" text NOT NULL,
	"chart_type" text NOT NULL,
	"library" text NOT NULL,
	"ml_stage" text NOT NULL,
	"multi_panel" boolean NOT NULL,
	"confidence" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"slice" jsonb NOT NULL,
	"used_ocr" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notebook_analyses" ADD CONSTRAINT "notebook_analyses_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visualisation_labels" ADD CONSTRAINT "visualisation_labels_visualisation_id_visualisations_id_fk" FOREIGN KEY ("visualisation_id") REFERENCES "public"."visualisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visualisation_labels" ADD CONSTRAINT "visualisation_labels_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notebook_analyses_version_idx" ON "notebook_analyses" USING btree ("analyser_version");--> statement-breakpoint
CREATE INDEX "vis_labels_notebook_idx" ON "visualisation_labels" USING btree ("notebook_id");--> statement-breakpoint
CREATE INDEX "vis_labels_chart_idx" ON "visualisation_labels" USING btree ("chart_type");--> statement-breakpoint
CREATE INDEX "vis_labels_stage_idx" ON "visualisation_labels" USING btree ("ml_stage");--> statement-breakpoint
CREATE INDEX "vis_labels_library_idx" ON "visualisation_labels" USING btree ("library");