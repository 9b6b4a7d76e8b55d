CREATE TABLE "person_skill_levels" (
	"person_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"confirmed_level" smallint,
	"confirmed_on" date,
	"confirmed_assessment_id" bigint,
	"any_level" smallint NOT NULL,
	"any_on" date NOT NULL,
	"any_assessment_id" bigint NOT NULL,
	CONSTRAINT "person_skill_levels_pkey" PRIMARY KEY("person_id","skill_id")
);
--> statement-breakpoint
ALTER TABLE "person_skill_levels" ADD CONSTRAINT "person_skill_levels_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skill_levels" ADD CONSTRAINT "person_skill_levels_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_skill_levels_confirmed_idx" ON "person_skill_levels" USING btree ("skill_id","confirmed_level","person_id");--> statement-breakpoint
CREATE INDEX "person_skill_levels_any_idx" ON "person_skill_levels" USING btree ("skill_id","any_level","person_id");--> statement-breakpoint
-- Hand-written: keep person_skill_levels in step with skill_assessments. Statement-level triggers with transition
-- tables, so that a bulk insert (an import, the demo) updates the derived rows in one set-based statement.
CREATE FUNCTION person_skill_levels_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH latest_any AS (
    SELECT DISTINCT ON (person_id, skill_id) person_id, skill_id, level, assessed_on, id
    FROM new_rows ORDER BY person_id, skill_id, assessed_on DESC, id DESC
  ), latest_confirmed AS (
    SELECT DISTINCT ON (person_id, skill_id) person_id, skill_id, level, assessed_on, id
    FROM new_rows WHERE source <> 'self' ORDER BY person_id, skill_id, assessed_on DESC, id DESC
  )
  INSERT INTO person_skill_levels AS cur (person_id, skill_id, confirmed_level, confirmed_on, confirmed_assessment_id,
                                          any_level, any_on, any_assessment_id)
  SELECT a.person_id, a.skill_id, c.level, c.assessed_on, c.id, a.level, a.assessed_on, a.id
  FROM latest_any a LEFT JOIN latest_confirmed c ON c.person_id = a.person_id AND c.skill_id = a.skill_id
  ON CONFLICT (person_id, skill_id) DO UPDATE SET
    any_level = CASE WHEN (excluded.any_on, excluded.any_assessment_id) > (cur.any_on, cur.any_assessment_id)
                     THEN excluded.any_level ELSE cur.any_level END,
    any_on = CASE WHEN (excluded.any_on, excluded.any_assessment_id) > (cur.any_on, cur.any_assessment_id)
                  THEN excluded.any_on ELSE cur.any_on END,
    any_assessment_id = CASE WHEN (excluded.any_on, excluded.any_assessment_id) > (cur.any_on, cur.any_assessment_id)
                             THEN excluded.any_assessment_id ELSE cur.any_assessment_id END,
    confirmed_level = CASE WHEN excluded.confirmed_assessment_id IS NOT NULL AND (cur.confirmed_assessment_id IS NULL
                             OR (excluded.confirmed_on, excluded.confirmed_assessment_id) > (cur.confirmed_on, cur.confirmed_assessment_id))
                           THEN excluded.confirmed_level ELSE cur.confirmed_level END,
    confirmed_on = CASE WHEN excluded.confirmed_assessment_id IS NOT NULL AND (cur.confirmed_assessment_id IS NULL
                          OR (excluded.confirmed_on, excluded.confirmed_assessment_id) > (cur.confirmed_on, cur.confirmed_assessment_id))
                        THEN excluded.confirmed_on ELSE cur.confirmed_on END,
    confirmed_assessment_id = CASE WHEN excluded.confirmed_assessment_id IS NOT NULL AND (cur.confirmed_assessment_id IS NULL
                                     OR (excluded.confirmed_on, excluded.confirmed_assessment_id) > (cur.confirmed_on, cur.confirmed_assessment_id))
                                   THEN excluded.confirmed_assessment_id ELSE cur.confirmed_assessment_id END;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Assessments are never updated or deleted by the application; if an operator does, recompute the pairs touched.
CREATE FUNCTION person_skill_levels_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_skill_levels p USING (SELECT DISTINCT person_id, skill_id FROM old_rows) t
   WHERE p.person_id = t.person_id AND p.skill_id = t.skill_id;
  WITH touched AS (SELECT DISTINCT person_id, skill_id FROM old_rows),
  latest_any AS (
    SELECT DISTINCT ON (s.person_id, s.skill_id) s.person_id, s.skill_id, s.level, s.assessed_on, s.id
    FROM skill_assessments s JOIN touched t ON t.person_id = s.person_id AND t.skill_id = s.skill_id
    ORDER BY s.person_id, s.skill_id, s.assessed_on DESC, s.id DESC
  ), latest_confirmed AS (
    SELECT DISTINCT ON (s.person_id, s.skill_id) s.person_id, s.skill_id, s.level, s.assessed_on, s.id
    FROM skill_assessments s JOIN touched t ON t.person_id = s.person_id AND t.skill_id = s.skill_id
    WHERE s.source <> 'self'
    ORDER BY s.person_id, s.skill_id, s.assessed_on DESC, s.id DESC
  )
  INSERT INTO person_skill_levels (person_id, skill_id, confirmed_level, confirmed_on, confirmed_assessment_id,
                                   any_level, any_on, any_assessment_id)
  SELECT a.person_id, a.skill_id, c.level, c.assessed_on, c.id, a.level, a.assessed_on, a.id
  FROM latest_any a LEFT JOIN latest_confirmed c ON c.person_id = a.person_id AND c.skill_id = a.skill_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER skill_assessments_levels_insert AFTER INSERT ON skill_assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_skill_levels_after_insert();
--> statement-breakpoint
CREATE TRIGGER skill_assessments_levels_delete AFTER DELETE ON skill_assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_skill_levels_recompute();
--> statement-breakpoint
CREATE TRIGGER skill_assessments_levels_update AFTER UPDATE ON skill_assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_skill_levels_recompute();
--> statement-breakpoint
WITH latest_any AS (
  SELECT DISTINCT ON (person_id, skill_id) person_id, skill_id, level, assessed_on, id
  FROM skill_assessments ORDER BY person_id, skill_id, assessed_on DESC, id DESC
), latest_confirmed AS (
  SELECT DISTINCT ON (person_id, skill_id) person_id, skill_id, level, assessed_on, id
  FROM skill_assessments WHERE source <> 'self' ORDER BY person_id, skill_id, assessed_on DESC, id DESC
)
INSERT INTO person_skill_levels (person_id, skill_id, confirmed_level, confirmed_on, confirmed_assessment_id,
                                 any_level, any_on, any_assessment_id)
SELECT a.person_id, a.skill_id, c.level, c.assessed_on, c.id, a.level, a.assessed_on, a.id
FROM latest_any a LEFT JOIN latest_confirmed c ON c.person_id = a.person_id AND c.skill_id = a.skill_id;
