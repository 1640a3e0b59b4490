CREATE TABLE "evaluation_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"template" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_evaluation_settings" (
	"programme_id" integer PRIMARY KEY NOT NULL,
	"tutor_template_id" integer,
	"student_template_id" integer,
	"referent_template_id" integer,
	"tutor_days_before" integer DEFAULT 10 NOT NULL,
	"intern_sees_tutor_evaluation" boolean DEFAULT false NOT NULL,
	"share_host_ratings" boolean DEFAULT false NOT NULL,
	"post_grade" boolean DEFAULT false NOT NULL,
	"grade_line_item_url" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_templates" ADD CONSTRAINT "evaluation_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_evaluation_settings" ADD CONSTRAINT "programme_evaluation_settings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_evaluation_settings" ADD CONSTRAINT "programme_evaluation_settings_tutor_template_id_evaluation_templates_id_fk" FOREIGN KEY ("tutor_template_id") REFERENCES "public"."evaluation_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_evaluation_settings" ADD CONSTRAINT "programme_evaluation_settings_student_template_id_evaluation_templates_id_fk" FOREIGN KEY ("student_template_id") REFERENCES "public"."evaluation_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_evaluation_settings" ADD CONSTRAINT "programme_evaluation_settings_referent_template_id_evaluation_templates_id_fk" FOREIGN KEY ("referent_template_id") REFERENCES "public"."evaluation_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_evaluation_settings" ADD CONSTRAINT "programme_evaluation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_evaluation_settings" ADD CONSTRAINT "programme_evaluation_settings_tutor_days_before" CHECK ("tutor_days_before" BETWEEN 0 AND 60);
