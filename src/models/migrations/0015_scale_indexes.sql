CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "conventions_state";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_name" text GENERATED ALWAYS AS (translate(lower(name), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "student_search" text GENERATED ALWAYS AS (translate(lower(coalesce(student->>'firstName', '') || ' ' || coalesce(student->>'lastName', '') || chr(10) || coalesce(student->>'lastName', '') || ' ' || coalesce(student->>'firstName', '') || chr(10) || coalesce(student->>'studentNumber', '')), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "users_student_number" ON "users" USING btree ("student_number");--> statement-breakpoint
CREATE INDEX "users_search_name" ON "users" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "convention_events_return" ON "convention_events" USING btree ("convention_id") WHERE "convention_events"."event" = 'return';--> statement-breakpoint
CREATE INDEX "conventions_start" ON "conventions" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "conventions_year" ON "conventions" USING btree ("academic_year","state");--> statement-breakpoint
CREATE INDEX "conventions_programme" ON "conventions" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "conventions_subject" ON "conventions" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "conventions_service" ON "conventions" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "conventions_professional_tutor" ON "conventions" USING btree ("professional_tutor_id");--> statement-breakpoint
CREATE INDEX "conventions_signatory" ON "conventions" USING btree ("signatory_id");--> statement-breakpoint
CREATE INDEX "conventions_academic_tutor" ON "conventions" USING btree ("academic_tutor_id");--> statement-breakpoint
CREATE INDEX "conventions_student_search" ON "conventions" USING gin ("student_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_search_name_trigram" ON "organisations" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_country" ON "organisations" USING btree ("country");--> statement-breakpoint
CREATE INDEX "conventions_state" ON "conventions" USING btree ("state","start_date","id");