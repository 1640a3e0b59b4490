CREATE TABLE "setup_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "verification_code" text;--> statement-breakpoint
ALTER TABLE "signature_requests" ADD COLUMN "code_hash" text;--> statement-breakpoint
ALTER TABLE "signature_requests" ADD COLUMN "code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signature_requests" ADD COLUMN "code_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "signature_requests" ADD COLUMN "typed_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_verification_code" ON "documents" USING btree ("verification_code");