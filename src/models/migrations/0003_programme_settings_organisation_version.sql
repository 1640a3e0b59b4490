ALTER TABLE "programmes" ADD COLUMN "teaching_hours_source" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE "programmes" SET "teaching_hours_source" = 'launch' WHERE "teaching_hours" IS NOT NULL;
