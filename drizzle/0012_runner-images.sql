CREATE TABLE "runner_images" (
	"image_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"python" text NOT NULL,
	"modules" text[] NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL
);
