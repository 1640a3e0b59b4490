ALTER TABLE "convention_events" ADD COLUMN "party" text;--> statement-breakpoint
CREATE INDEX "documents_certificates_to_check" ON "documents" USING btree ("created_at","id") WHERE "documents"."kind" = 'civil_liability' and "documents"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "organisations_to_validate" ON "organisations" USING btree ("id") WHERE "organisations"."validated" = false;--> statement-breakpoint
CREATE INDEX "signature_requests_pending" ON "signature_requests" USING btree ("sent_at","id") WHERE "signature_requests"."status" = 'pending';