ALTER TABLE "running_jobs" ALTER COLUMN "notebook_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "running_jobs" ADD COLUMN "queue" text;