ALTER TABLE "signature_requests" ADD COLUMN "amendment_id" integer;--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "signature_pdf" "bytea";--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "signature_pdf_sha256" text;--> statement-breakpoint
CREATE INDEX "signature_requests_amendment" ON "signature_requests" USING btree ("amendment_id");--> statement-breakpoint
ALTER TABLE "signature_requests" ADD CONSTRAINT "signature_requests_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;
