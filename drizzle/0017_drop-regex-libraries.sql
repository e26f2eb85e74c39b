DROP INDEX "vis_library_idx";--> statement-breakpoint
ALTER TABLE "notebooks" DROP COLUMN "libraries";--> statement-breakpoint
ALTER TABLE "visualisations" DROP COLUMN "library";