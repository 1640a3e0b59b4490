CREATE TABLE "cumulation_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention_id" integer NOT NULL,
	"flag_key" text NOT NULL,
	"note" text NOT NULL,
	"reviewed_by_user_id" integer,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cumulation_reviews" ADD CONSTRAINT "cumulation_reviews_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cumulation_reviews" ADD CONSTRAINT "cumulation_reviews_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cumulation_reviews_flag" ON "cumulation_reviews" USING btree ("convention_id","flag_key");