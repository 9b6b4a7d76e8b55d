CREATE TABLE "person_skill_tokens" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"confirmed_tokens" integer[] NOT NULL,
	"any_tokens" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN "code" varchar(64) DEFAULT 'row.invalid' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_errors" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "skill_settings" ADD COLUMN "certification_reminder_days" smallint[] DEFAULT '{90,30}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "person_skill_tokens" ADD CONSTRAINT "person_skill_tokens_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_skill_tokens_confirmed_idx" ON "person_skill_tokens" USING gin ("confirmed_tokens");--> statement-breakpoint
CREATE INDEX "person_skill_tokens_any_idx" ON "person_skill_tokens" USING gin ("any_tokens");--> statement-breakpoint
ALTER TABLE "skill_settings" ADD CONSTRAINT "skill_settings_reminder_days_check" CHECK (cardinality("skill_settings"."certification_reminder_days") between 1 and 5
          and 1 <= all("skill_settings"."certification_reminder_days") and 366 >= all("skill_settings"."certification_reminder_days"));--> statement-breakpoint
-- Hand-written: errors recorded before this migration kept their code inside the message, before a unit separator.
UPDATE "import_errors" SET "code" = left(split_part("message", chr(31), 1), 64),
                           "message" = substr("message", strpos("message", chr(31)) + 1)
 WHERE strpos("message", chr(31)) > 0;
--> statement-breakpoint
-- Hand-written: keep person_skill_tokens in step with person_skill_levels (itself kept by the triggers of 0010).
-- Statement-level with transition tables: a bulk insert recomputes the people it touched in one statement.
CREATE FUNCTION person_skill_tokens_refresh(touched integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_skill_tokens WHERE person_id = ANY (touched);
  INSERT INTO person_skill_tokens (person_id, confirmed_tokens, any_tokens)
  SELECT p.person_id,
         coalesce(array_agg(p.skill_id * 16 + k.k ORDER BY p.skill_id, k.k) FILTER (WHERE k.k <= p.confirmed_level), '{}'),
         coalesce(array_agg(p.skill_id * 16 + k.k ORDER BY p.skill_id, k.k) FILTER (WHERE k.k <= p.any_level), '{}')
  FROM person_skill_levels p
  CROSS JOIN LATERAL generate_series(1, greatest(p.any_level, coalesce(p.confirmed_level, 0))) AS k(k)
  WHERE p.person_id = ANY (touched)
  GROUP BY p.person_id;
END $$;
--> statement-breakpoint
CREATE FUNCTION person_skill_tokens_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_skill_tokens_refresh(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION person_skill_tokens_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM person_skill_tokens_refresh(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_skill_levels_tokens_insert AFTER INSERT ON person_skill_levels
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_skill_tokens_after_insert();
--> statement-breakpoint
CREATE TRIGGER person_skill_levels_tokens_update AFTER UPDATE ON person_skill_levels
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_skill_tokens_after_change();
--> statement-breakpoint
CREATE TRIGGER person_skill_levels_tokens_delete AFTER DELETE ON person_skill_levels
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_skill_tokens_after_change();
--> statement-breakpoint
INSERT INTO person_skill_tokens (person_id, confirmed_tokens, any_tokens)
SELECT p.person_id,
       coalesce(array_agg(p.skill_id * 16 + k.k ORDER BY p.skill_id, k.k) FILTER (WHERE k.k <= p.confirmed_level), '{}'),
       coalesce(array_agg(p.skill_id * 16 + k.k ORDER BY p.skill_id, k.k) FILTER (WHERE k.k <= p.any_level), '{}')
FROM person_skill_levels p
CROSS JOIN LATERAL generate_series(1, greatest(p.any_level, coalesce(p.confirmed_level, 0))) AS k(k)
GROUP BY p.person_id;
