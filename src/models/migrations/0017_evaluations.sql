CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention_id" integer NOT NULL,
	"kind" text NOT NULL,
	"template" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reopened_at" timestamp with time zone,
	"reopened_by" integer,
	"reopen_reason" text,
	"last_reminder_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "host_attestations" (
	"convention_id" integer PRIMARY KEY NOT NULL,
	"effective_hours" text NOT NULL,
	"total_gratification_paid" text NOT NULL,
	"signed_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "host_space_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "internship_progress" (
	"convention_id" integer PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_attestations" ADD CONSTRAINT "host_attestations_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_space_links" ADD CONSTRAINT "host_space_links_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_progress" ADD CONSTRAINT "internship_progress_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_convention_kind" ON "evaluations" USING btree ("convention_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "host_space_links_token" ON "host_space_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "host_space_links_convention" ON "host_space_links" USING btree ("convention_id");