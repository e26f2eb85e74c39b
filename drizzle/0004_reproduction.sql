CREATE TABLE "executions" (
	"id" serial PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"notebook_id" integer NOT NULL,
	"executed_notebook_id" integer,
	"executor" text NOT NULL,
	"image" text,
	"config_hash" text NOT NULL,
	"status" text NOT NULL,
	"failing_cell" integer,
	"exception_type" text,
	"exception_message" text,
	"seconds" real NOT NULL,
	"cell_seconds" json NOT NULL,
	"missing_datasets" text[] DEFAULT '{}' NOT NULL,
	"worker_id" text NOT NULL,
	"log" text DEFAULT '' NOT NULL,
	"figures_before" integer DEFAULT 0 NOT NULL,
	"figures_after" integer DEFAULT 0 NOT NULL,
	"figures_same" integer DEFAULT 0 NOT NULL,
	"figures_different" integer DEFAULT 0 NOT NULL,
	"figures_new" integer DEFAULT 0 NOT NULL,
	"figures_missing" integer DEFAULT 0 NOT NULL,
	"out_of_order" boolean NOT NULL,
	"skipped_counts" boolean NOT NULL,
	"never_executed_cells" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "executions_job_id_unique" UNIQUE("job_id")
);
--> statement-breakpoint
CREATE TABLE "figure_matches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"execution_id" integer NOT NULL,
	"cell_position" integer NOT NULL,
	"original_visualisation_id" bigint,
	"reproduced_visualisation_id" bigint,
	"outcome" text NOT NULL,
	"distance" integer
);
--> statement-breakpoint
CREATE TABLE "queue_controls" (
	"queue" text PRIMARY KEY NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "running_jobs" (
	"job_id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"notebook_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"log" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"concurrency" integer NOT NULL,
	"executor" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notebooks" ADD COLUMN "reproduced_from" integer;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_executed_notebook_id_notebooks_id_fk" FOREIGN KEY ("executed_notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_matches" ADD CONSTRAINT "figure_matches_execution_id_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_matches" ADD CONSTRAINT "figure_matches_original_visualisation_id_visualisations_id_fk" FOREIGN KEY ("original_visualisation_id") REFERENCES "public"."visualisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_matches" ADD CONSTRAINT "figure_matches_reproduced_visualisation_id_visualisations_id_fk" FOREIGN KEY ("reproduced_visualisation_id") REFERENCES "public"."visualisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executions_notebook_idx" ON "executions" USING btree ("notebook_id");--> statement-breakpoint
CREATE INDEX "executions_finished_idx" ON "executions" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "figure_matches_execution_idx" ON "figure_matches" USING btree ("execution_id");--> statement-breakpoint
ALTER TABLE "notebooks" ADD CONSTRAINT "notebooks_reproduced_from_notebooks_id_fk" FOREIGN KEY ("reproduced_from") REFERENCES "public"."notebooks"("id") ON DELETE set null ON UPDATE no action;