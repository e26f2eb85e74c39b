ALTER TABLE "workers" ADD COLUMN "executors" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "workers" DROP COLUMN "executor";