CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"civility" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"function" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "convention_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"convention_id" integer NOT NULL,
	"actor_user_id" integer,
	"actor_role" text NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conventions" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text,
	"student_user_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"academic_year" text NOT NULL,
	"subject_id" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"student" jsonb NOT NULL,
	"organisation_id" integer,
	"service_id" integer,
	"professional_tutor_id" integer,
	"signatory_id" integer,
	"academic_tutor_id" integer,
	"internship_type" text,
	"activities" text,
	"skills" text,
	"start_date" date,
	"end_date" date,
	"interruptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"working_days" jsonb DEFAULT '[1,2,3,4,5]'::jsonb NOT NULL,
	"hours_per_day" numeric(10, 2),
	"irregular_schedule" text,
	"night_presence" boolean DEFAULT false NOT NULL,
	"night_description" text,
	"sunday_presence" boolean DEFAULT false NOT NULL,
	"sunday_description" text,
	"holiday_presence" boolean DEFAULT false NOT NULL,
	"holiday_description" text,
	"declared_total_hours" numeric(10, 2),
	"computed_total_hours" numeric(10, 2),
	"gratification_amount" numeric(10, 2),
	"gratification_unit" text DEFAULT 'hour' NOT NULL,
	"payment_terms" text,
	"benefit_meals" text,
	"benefit_lodging" text,
	"benefit_travel" text,
	"place" text,
	"confidentiality" text,
	"legal_findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_completed_step" integer DEFAULT 0 NOT NULL,
	"frozen_snapshot" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_user_id" integer,
	"convention_id" integer,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea",
	"path" text,
	"sha256" text NOT NULL,
	"status" text,
	"status_reason" text,
	"academic_year" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"siret" text,
	"naf" text,
	"legal_status" text,
	"headcount_band" text,
	"sector" text DEFAULT 'private' NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country" text DEFAULT 'FR' NOT NULL,
	"phone" text,
	"email" text,
	"website" text,
	"validated" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"same_address" boolean DEFAULT true NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention_id" integer NOT NULL,
	"party" text NOT NULL,
	"signed_at" date NOT NULL,
	"method" text DEFAULT 'paper' NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_user_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"host_name" text,
	"approximate_start" date,
	"approximate_end" date,
	"state" text DEFAULT 'proposed' NOT NULL,
	"decision_comment" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"academic_tutor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"programme_id" integer,
	"civility" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_events" ADD CONSTRAINT "convention_events_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_events" ADD CONSTRAINT "convention_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_student_user_id_users_id_fk" FOREIGN KEY ("student_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_professional_tutor_id_contacts_id_fk" FOREIGN KEY ("professional_tutor_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_signatory_id_contacts_id_fk" FOREIGN KEY ("signatory_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_academic_tutor_id_teachers_id_fk" FOREIGN KEY ("academic_tutor_id") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_student_user_id_users_id_fk" FOREIGN KEY ("student_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_academic_tutor_id_teachers_id_fk" FOREIGN KEY ("academic_tutor_id") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_organisation" ON "contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "convention_events_convention" ON "convention_events" USING btree ("convention_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "conventions_reference" ON "conventions" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "conventions_student" ON "conventions" USING btree ("student_user_id");--> statement-breakpoint
CREATE INDEX "conventions_state" ON "conventions" USING btree ("state");--> statement-breakpoint
CREATE INDEX "conventions_organisation_year" ON "conventions" USING btree ("organisation_id","academic_year");--> statement-breakpoint
CREATE INDEX "documents_owner" ON "documents" USING btree ("owner_user_id","kind");--> statement-breakpoint
CREATE INDEX "documents_convention" ON "documents" USING btree ("convention_id","kind");--> statement-breakpoint
CREATE INDEX "organisations_search_name" ON "organisations" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "organisations_siret" ON "organisations" USING btree ("siret");--> statement-breakpoint
CREATE INDEX "organisations_postal_code" ON "organisations" USING btree ("postal_code");--> statement-breakpoint
CREATE INDEX "services_organisation" ON "services" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_convention_party" ON "signatures" USING btree ("convention_id","party");--> statement-breakpoint
CREATE INDEX "subjects_student" ON "subjects" USING btree ("student_user_id");--> statement-breakpoint
CREATE INDEX "subjects_programme" ON "subjects" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "teachers_programme" ON "teachers" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "teachers_user" ON "teachers" USING btree ("user_id");