ALTER TABLE "codes" ADD COLUMN "label_field" text;--> statement-breakpoint
ALTER TABLE "codes" ADD COLUMN "label_value" text;--> statement-breakpoint
ALTER TABLE "studies" ADD COLUMN "show_machine_suggestions" boolean DEFAULT false NOT NULL;