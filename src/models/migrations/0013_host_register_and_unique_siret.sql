CREATE TABLE "register_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "organisations_siret";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "register_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "register_locked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "organisations" SET "siret" = NULL WHERE btrim("siret") = '';--> statement-breakpoint
CREATE TEMPORARY TABLE "siret_merges" AS
  SELECT "id" AS "duplicate_id",
    first_value("id") OVER (PARTITION BY "siret" ORDER BY "validated" DESC, "id") AS "survivor_id",
    "name" AS "removed_name", "siret" AS "removed_siret"
  FROM "organisations" WHERE "siret" IS NOT NULL;--> statement-breakpoint
DELETE FROM "siret_merges" WHERE "duplicate_id" = "survivor_id";--> statement-breakpoint
UPDATE "services" SET "organisation_id" = m."survivor_id" FROM "siret_merges" m WHERE "services"."organisation_id" = m."duplicate_id";--> statement-breakpoint
UPDATE "contacts" SET "organisation_id" = m."survivor_id" FROM "siret_merges" m WHERE "contacts"."organisation_id" = m."duplicate_id";--> statement-breakpoint
UPDATE "conventions" SET "organisation_id" = m."survivor_id" FROM "siret_merges" m WHERE "conventions"."organisation_id" = m."duplicate_id";--> statement-breakpoint
UPDATE "organisations" SET "validated" = true WHERE "id" IN (
  SELECT m."survivor_id" FROM "siret_merges" m JOIN "organisations" d ON d."id" = m."duplicate_id" WHERE d."validated");--> statement-breakpoint
INSERT INTO "audit_log" ("action", "target_type", "target_id", "details")
  SELECT 'organisation.merge', 'organisation', m."survivor_id"::text,
    jsonb_build_object('removedId', m."duplicate_id", 'removedName', m."removed_name", 'removedSiret', m."removed_siret", 'by', 'migration 0013: same SIRET')
  FROM "siret_merges" m;--> statement-breakpoint
DELETE FROM "organisations" WHERE "id" IN (SELECT "duplicate_id" FROM "siret_merges");--> statement-breakpoint
DROP TABLE "siret_merges";--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_siret_unique" ON "organisations" USING btree ("siret");