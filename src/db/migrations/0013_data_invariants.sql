ALTER TABLE "course_skills" DROP CONSTRAINT "course_skills_level_check";--> statement-breakpoint
ALTER TABLE "skill_assessments" DROP CONSTRAINT "skill_assessments_level_check";--> statement-breakpoint
ALTER TABLE "skill_requirements" DROP CONSTRAINT "skill_requirements_levels_check";--> statement-breakpoint
ALTER TABLE "course_skills" ADD CONSTRAINT "course_skills_level_check" CHECK ("course_skills"."target_level" between 1 and 10);--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_level_check" CHECK ("skill_assessments"."level" between 0 and 10);--> statement-breakpoint
ALTER TABLE "skill_requirements" ADD CONSTRAINT "skill_requirements_levels_check" CHECK ("skill_requirements"."required_level" between 0 and 10 and ("skill_requirements"."desirable_level" is null or "skill_requirements"."desirable_level" between "skill_requirements"."required_level" and 10));--> statement-breakpoint
-- Hand-written: the import kinds were renamed (skill_assessments -> skill-assessments, training_completions ->
-- training-completions; the old names stay aliases). Stored runs and saved mappings take the new names.
UPDATE "import_runs" SET "kind" = replace("kind", '_', '-') WHERE "kind" IN ('skill_assessments', 'training_completions');
--> statement-breakpoint
UPDATE "import_mappings"
   SET "kind" = replace("kind", '_', '-'),
       "definition" = jsonb_set("definition", '{kind}', to_jsonb(replace("kind", '_', '-')))
 WHERE "kind" IN ('skill_assessments', 'training_completions');
--> statement-breakpoint
-- Hand-written: a training record belongs to a person employed at its company (some time: the import and the
-- learning service check the day). The database keeps it so, and the metrics engine counts every record without
-- looking for the employment again (docs/metrics.md "Training"). Statement-level and set-based: a bulk load pays
-- one hash join of its distinct (person, company) pairs against the employments per statement. The casts keep
-- the planner off the gist indexes of employments, which it costs far below what they take when probed per pair.
CREATE FUNCTION tekizai_check_training_record_employment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs bigint;
  employed bigint;
  stray record;
BEGIN
  WITH p AS MATERIALIZED (SELECT DISTINCT person_id, company_id FROM new_rows)
  SELECT (SELECT count(*) FROM p),
         (SELECT count(*) FROM (SELECT DISTINCT e.person_id, e.company_id FROM employments e
                                JOIN p ON e.person_id::int8 = p.person_id::int8
                                      AND e.company_id::int8 = p.company_id::int8) m)
    INTO pairs, employed;
  IF employed < pairs THEN
    SELECT n.id, n.person_id, n.company_id INTO stray
    FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM employments e WHERE e.person_id = n.person_id AND e.company_id = n.company_id)
    ORDER BY n.id LIMIT 1;
    RAISE EXCEPTION 'training record %: person % has no employment at company %', stray.id, stray.person_id, stray.company_id
      USING ERRCODE = '23514', CONSTRAINT = 'training_records_employment_check';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER training_records_employment_insert AFTER INSERT ON training_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tekizai_check_training_record_employment();
--> statement-breakpoint
CREATE TRIGGER training_records_employment_update AFTER UPDATE ON training_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tekizai_check_training_record_employment();
--> statement-breakpoint
-- An employment removed, or moved to another person or company, must not leave training records behind. Updates
-- that keep every row's person and company (the usual ones: dates, terminations) are let through after one join
-- of the statement's old and new rows.
CREATE FUNCTION tekizai_check_employment_training_records() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stray record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- (nested: new_rows exists only for an update)
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE n.person_id <> o.person_id OR n.company_id <> o.company_id
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  SELECT o.person_id, o.company_id INTO stray
  FROM (SELECT DISTINCT person_id, company_id FROM old_rows) o
  WHERE NOT EXISTS (SELECT 1 FROM employments e WHERE e.person_id = o.person_id AND e.company_id = o.company_id)
    AND EXISTS (SELECT 1 FROM training_records t WHERE t.person_id = o.person_id AND t.company_id = o.company_id)
  ORDER BY o.person_id, o.company_id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'person % would have training records at company % without an employment there', stray.person_id, stray.company_id
      USING ERRCODE = '23514', CONSTRAINT = 'training_records_employment_check';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER employments_training_records_delete AFTER DELETE ON employments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tekizai_check_employment_training_records();
--> statement-breakpoint
CREATE TRIGGER employments_training_records_update AFTER UPDATE ON employments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tekizai_check_employment_training_records();
