ALTER TABLE "amendments" ADD COLUMN "programme_agreement" text;--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "programme_comment" text;--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "programme_decided_by_user_id" integer;--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "programme_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_programme_decided_by_user_id_users_id_fk" FOREIGN KEY ("programme_decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;