CREATE TABLE "competition_counts" (
	"reproduction" boolean NOT NULL,
	"competition" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "figure_count_parts" ADD COLUMN "competitions" text[] DEFAULT '{none}' NOT NULL;