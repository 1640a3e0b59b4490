CREATE TABLE "rendered_pdfs" (
	"key" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL
);
