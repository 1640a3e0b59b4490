CREATE TABLE "roster_syncs" (
	"programme_id" integer PRIMARY KEY NOT NULL,
	"synced_at" timestamp with time zone,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "roster_syncs" ADD CONSTRAINT "roster_syncs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;