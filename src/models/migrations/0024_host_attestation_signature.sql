ALTER TABLE "host_attestations" ADD COLUMN "signature_method" text DEFAULT 'name' NOT NULL;--> statement-breakpoint
ALTER TABLE "host_attestations" ADD COLUMN "signed_email" text;--> statement-breakpoint
ALTER TABLE "host_attestations" ADD COLUMN "scan_document_id" integer;--> statement-breakpoint
ALTER TABLE "host_space_links" ADD COLUMN "code_hash" text;--> statement-breakpoint
ALTER TABLE "host_space_links" ADD COLUMN "code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "host_space_links" ADD COLUMN "code_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "host_space_links" ADD COLUMN "code_window_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "host_space_links" ADD COLUMN "codes_in_window" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "host_attestations" ADD CONSTRAINT "host_attestations_scan_document_id_documents_id_fk" FOREIGN KEY ("scan_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;