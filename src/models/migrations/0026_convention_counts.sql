CREATE TABLE "convention_counts" (
	"state" text NOT NULL,
	"academic_year" text NOT NULL,
	"programme_id" integer NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- What a statement on conventions changed, by state, academic year and programme: rows appended, never updated,
-- so concurrent transactions never wait on each other here (see conventionCounts in src/models/schema/conventions.ts).
CREATE FUNCTION "convention_counts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO convention_counts (state, academic_year, programme_id, n)
      SELECT state, academic_year, programme_id, count(*) FROM new_rows GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO convention_counts (state, academic_year, programme_id, n)
      SELECT state, academic_year, programme_id, -count(*) FROM old_rows GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO convention_counts (state, academic_year, programme_id, n)
      SELECT state, academic_year, programme_id, sum(n) FROM (
        SELECT state, academic_year, programme_id, 1 AS n FROM new_rows
        UNION ALL
        SELECT state, academic_year, programme_id, -1 FROM old_rows
      ) changes GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "convention_counts_emptied"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM convention_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "convention_counts_insert" AFTER INSERT ON "conventions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION convention_counts_changed();
--> statement-breakpoint
CREATE TRIGGER "convention_counts_update" AFTER UPDATE ON "conventions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION convention_counts_changed();
--> statement-breakpoint
CREATE TRIGGER "convention_counts_delete" AFTER DELETE ON "conventions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION convention_counts_changed();
--> statement-breakpoint
CREATE TRIGGER "convention_counts_truncate" AFTER TRUNCATE ON "conventions" FOR EACH STATEMENT EXECUTE FUNCTION convention_counts_emptied();
--> statement-breakpoint
-- The conventions already there, under the same lock as the triggers' creation (no statement in between is missed).
INSERT INTO "convention_counts" ("state", "academic_year", "programme_id", "n")
  SELECT state, academic_year, programme_id, count(*) FROM conventions GROUP BY 1, 2, 3;
