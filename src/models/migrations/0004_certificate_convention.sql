-- A civil-liability certificate belongs to a convention, no longer to the academic year of its upload day:
-- each certificate uploaded before this change goes to the student's newest convention of the year it was filed under.
UPDATE "documents" AS d
SET "convention_id" = (
  SELECT c."id" FROM "conventions" AS c
  WHERE c."student_user_id" = d."owner_user_id" AND c."academic_year" = d."academic_year"
  ORDER BY c."id" DESC
  LIMIT 1
)
WHERE d."kind" = 'civil_liability' AND d."convention_id" IS NULL;
