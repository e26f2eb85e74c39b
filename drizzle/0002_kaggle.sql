CREATE TABLE "kaggle_kernels" (
	"notebook_id" integer PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"kernel_id" bigint,
	"kernel_version_id" bigint,
	"title" text,
	"author" text,
	"votes" integer,
	"version_number" integer,
	"last_run_time" timestamp with time zone,
	"language" text,
	"docker_image" text,
	"competitions" text[] DEFAULT '{}' NOT NULL,
	"datasets" text[] DEFAULT '{}' NOT NULL,
	"medal" text,
	"stored_form" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_items" (
	"run_id" integer NOT NULL,
	"ref" text NOT NULL,
	"kernel_id" bigint,
	"kernel_version_id" bigint,
	"title" text,
	"author" text,
	"competition" text,
	"votes" integer,
	"rank" integer,
	"metadata" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"notebook_id" integer,
	"error" text,
	"selected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_items_run_id_ref_pk" PRIMARY KEY("run_id","ref")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"encrypted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"strategy_id" integer NOT NULL,
	"source" text NOT NULL,
	"definition" jsonb NOT NULL,
	"seed" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"cursor" jsonb,
	"found" integer DEFAULT 0 NOT NULL,
	"sampled" integer DEFAULT 0 NOT NULL,
	"downloaded" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"worker_id" text,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "kaggle_kernels" ADD CONSTRAINT "kaggle_kernels_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_run_id_strategy_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."strategy_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "public"."notebooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_runs" ADD CONSTRAINT "strategy_runs_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kaggle_kernels_ref_idx" ON "kaggle_kernels" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "run_items_pending_idx" ON "run_items" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "strategy_runs_status_idx" ON "strategy_runs" USING btree ("status");