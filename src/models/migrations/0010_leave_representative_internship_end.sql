ALTER TABLE "conventions" ADD COLUMN "leave_days_granted" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "absence_terms" text;--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "host_internal_rules" text;--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "legal_representative" jsonb;--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "actual_end_date" date;--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "effective_hours" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "conventions" ADD COLUMN "total_gratification_paid" numeric(10, 2);