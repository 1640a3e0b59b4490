ALTER TABLE "conventions" ADD COLUMN "weekly_schedule" jsonb;--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "night_hours" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "sunday_hours" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "holiday_hours" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "minor_derogation" text;--> statement-breakpoint
UPDATE "conventions" SET "weekly_schedule" = (
  SELECT jsonb_agg(CASE WHEN "working_days" @> to_jsonb(weekday) THEN to_jsonb("hours_per_day") ELSE to_jsonb(0) END ORDER BY weekday)
  FROM generate_series(1, 7) AS weekday
) WHERE "hours_per_day" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "conventions" DROP COLUMN "working_days";--> statement-breakpoint
ALTER TABLE "conventions" DROP COLUMN "hours_per_day";
