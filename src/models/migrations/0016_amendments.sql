CREATE TABLE "amendment_signatures" (
	"id" serial PRIMARY KEY NOT NULL,
	"amendment_id" integer NOT NULL,
	"party" text NOT NULL,
	"signed_at" date NOT NULL,
	"method" text DEFAULT 'paper' NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention_id" integer NOT NULL,
	"number" integer NOT NULL,
	"kinds" jsonb NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"changes" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"legal_findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"convention_version" integer NOT NULL,
	"requested_by_user_id" integer,
	"requested_by_role" text NOT NULL,
	"refusal_reason" text,
	"override_reason" text,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "amendment_signatures" ADD CONSTRAINT "amendment_signatures_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_signatures" ADD CONSTRAINT "amendment_signatures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "amendment_signatures_party" ON "amendment_signatures" USING btree ("amendment_id","party");--> statement-breakpoint
CREATE INDEX "amendment_signatures_amendment" ON "amendment_signatures" USING btree ("amendment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "amendments_convention_number" ON "amendments" USING btree ("convention_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "amendments_one_in_progress" ON "amendments" USING btree ("convention_id") WHERE state in ('requested', 'validated');