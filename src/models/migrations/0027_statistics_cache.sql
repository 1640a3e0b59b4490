CREATE TABLE "statistics_cache" (
	"academic_year" text NOT NULL,
	"programme_id" integer NOT NULL,
	"fingerprint" bigint NOT NULL,
	"groups" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistics_cache_academic_year_programme_id_pk" PRIMARY KEY("academic_year","programme_id")
);
--> statement-breakpoint
CREATE TABLE "statistics_changes" (
	"academic_year" text NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "statistics_changes_year" ON "statistics_changes" USING btree ("academic_year");--> statement-breakpoint
-- Each statement that writes filed conventions appends a row for each academic year it touched (see
-- statisticsChanges in src/models/schema/conventions.ts); a draft saved appends nothing.
CREATE FUNCTION "statistics_conventions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO statistics_changes (academic_year, n) SELECT DISTINCT academic_year, 1 FROM new_rows WHERE state <> 'draft';
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO statistics_changes (academic_year, n) SELECT DISTINCT academic_year, 1 FROM old_rows WHERE state <> 'draft';
  ELSE
    INSERT INTO statistics_changes (academic_year, n)
      SELECT academic_year, 1 FROM (
        SELECT academic_year FROM new_rows WHERE state <> 'draft'
        UNION
        SELECT academic_year FROM old_rows WHERE state <> 'draft'
      ) years;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "statistics_every_year_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_changes (academic_year, n) VALUES ('*', 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "statistics_conventions_insert" AFTER INSERT ON "conventions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_conventions_changed();
--> statement-breakpoint
CREATE TRIGGER "statistics_conventions_update" AFTER UPDATE ON "conventions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_conventions_changed();
--> statement-breakpoint
CREATE TRIGGER "statistics_conventions_delete" AFTER DELETE ON "conventions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_conventions_changed();
--> statement-breakpoint
CREATE TRIGGER "statistics_conventions_truncate" AFTER TRUNCATE ON "conventions" FOR EACH STATEMENT EXECUTE FUNCTION statistics_every_year_changed();
--> statement-breakpoint
-- What the statistics read of hosts and programmes beside the conventions: rare changes, each one every year's.
CREATE TRIGGER "statistics_organisations_update" AFTER UPDATE OF "country", "headcount_band" ON "organisations" FOR EACH ROW
  WHEN (OLD.country IS DISTINCT FROM NEW.country OR OLD.headcount_band IS DISTINCT FROM NEW.headcount_band)
  EXECUTE FUNCTION statistics_every_year_changed();
--> statement-breakpoint
CREATE TRIGGER "statistics_programmes_update" AFTER UPDATE OF "title" ON "programmes" FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title)
  EXECUTE FUNCTION statistics_every_year_changed();
