CREATE TABLE "mk_competitions" (
	"id" bigint PRIMARY KEY NOT NULL,
	"slug" text,
	"title" text,
	"subtitle" text,
	"host_segment_title" text,
	"enabled_date" timestamp with time zone,
	"deadline_date" timestamp with time zone,
	"total_teams" integer,
	"total_competitors" integer,
	"total_submissions" integer
);
--> statement-breakpoint
CREATE TABLE "mk_dataset_versions" (
	"id" bigint PRIMARY KEY NOT NULL,
	"dataset_id" bigint NOT NULL,
	"creator_user_id" bigint,
	"license_name" text,
	"creation_date" timestamp with time zone,
	"version_number" integer,
	"title" text,
	"slug" text
);
--> statement-breakpoint
CREATE TABLE "mk_datasets" (
	"id" bigint PRIMARY KEY NOT NULL,
	"creator_user_id" bigint,
	"owner_user_id" bigint,
	"owner_organization_id" bigint,
	"current_dataset_version_id" bigint,
	"creation_date" timestamp with time zone,
	"total_views" bigint,
	"total_downloads" bigint,
	"total_votes" integer,
	"total_kernels" integer
);
--> statement-breakpoint
CREATE TABLE "mk_import_progress" (
	"file" text PRIMARY KEY NOT NULL,
	"file_bytes" bigint NOT NULL,
	"byte_offset" bigint DEFAULT 0 NOT NULL,
	"rows_imported" bigint DEFAULT 0 NOT NULL,
	"rows_dropped" bigint DEFAULT 0 NOT NULL,
	"rows_bad" bigint DEFAULT 0 NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mk_kernel_languages" (
	"id" bigint PRIMARY KEY NOT NULL,
	"name" text,
	"display_name" text,
	"is_notebook" boolean
);
--> statement-breakpoint
CREATE TABLE "mk_kernel_version_competition_sources" (
	"id" bigint PRIMARY KEY NOT NULL,
	"kernel_version_id" bigint NOT NULL,
	"source_competition_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mk_kernel_version_dataset_sources" (
	"id" bigint PRIMARY KEY NOT NULL,
	"kernel_version_id" bigint NOT NULL,
	"source_dataset_version_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mk_kernel_versions" (
	"id" bigint PRIMARY KEY NOT NULL,
	"script_id" bigint NOT NULL,
	"parent_script_version_id" bigint,
	"script_language_id" bigint,
	"author_user_id" bigint,
	"creation_date" timestamp with time zone,
	"version_number" integer,
	"title" text,
	"evaluation_date" timestamp with time zone,
	"total_votes" integer
);
--> statement-breakpoint
CREATE TABLE "mk_kernels" (
	"id" bigint PRIMARY KEY NOT NULL,
	"author_user_id" bigint NOT NULL,
	"current_kernel_version_id" bigint,
	"fork_parent_kernel_version_id" bigint,
	"first_kernel_version_id" bigint,
	"creation_date" timestamp with time zone,
	"made_public_date" timestamp with time zone,
	"current_url_slug" text,
	"medal" smallint,
	"medal_award_date" timestamp with time zone,
	"total_views" bigint,
	"total_comments" integer,
	"total_votes" integer
);
--> statement-breakpoint
CREATE TABLE "mk_users" (
	"id" bigint PRIMARY KEY NOT NULL,
	"user_name" text,
	"display_name" text,
	"register_date" timestamp with time zone,
	"performance_tier" smallint
);
--> statement-breakpoint
CREATE INDEX "mk_competitions_slug_idx" ON "mk_competitions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "mk_dataset_versions_dataset_idx" ON "mk_dataset_versions" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "mk_kvcs_version_idx" ON "mk_kernel_version_competition_sources" USING btree ("kernel_version_id");--> statement-breakpoint
CREATE INDEX "mk_kvcs_competition_idx" ON "mk_kernel_version_competition_sources" USING btree ("source_competition_id","kernel_version_id");--> statement-breakpoint
CREATE INDEX "mk_kvds_version_idx" ON "mk_kernel_version_dataset_sources" USING btree ("kernel_version_id");--> statement-breakpoint
CREATE INDEX "mk_kvds_dataset_version_idx" ON "mk_kernel_version_dataset_sources" USING btree ("source_dataset_version_id");--> statement-breakpoint
CREATE INDEX "mk_kernels_current_version_idx" ON "mk_kernels" USING btree ("current_kernel_version_id");--> statement-breakpoint
CREATE INDEX "mk_kernels_author_idx" ON "mk_kernels" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "mk_users_user_name_idx" ON "mk_users" USING btree (lower("user_name"));