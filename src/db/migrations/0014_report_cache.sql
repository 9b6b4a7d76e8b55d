CREATE TABLE "metric_data_changes" (
	"txid" bigint PRIMARY KEY NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_data_epoch" (
	"id" smallint PRIMARY KEY NOT NULL,
	"epoch" bigint NOT NULL,
	CONSTRAINT "metric_data_epoch_one_row" CHECK ("metric_data_epoch"."id" = 1)
);
--> statement-breakpoint
INSERT INTO metric_data_epoch (id, epoch) VALUES (1, 0);
--> statement-breakpoint
-- Every statement that writes the records the metrics are computed from notes its transaction (once): the
-- disclosure report cache compares how many such transactions its snapshot sees, and the latest, with those its
-- cached reports were computed at. Inserts only, one row per transaction: concurrent writers never wait on it.
CREATE FUNCTION tekizai_note_metric_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_data_changes (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  source text;
BEGIN
  FOREACH source IN ARRAY ARRAY[
    'assignments', 'companies', 'courses', 'disability_group_application_members',
    'disability_group_applications', 'employments', 'enrolments', 'grades', 'metric_settings',
    'org_unit_versions', 'org_units', 'person_sensitive', 'persons', 'training_records'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION tekizai_note_metric_data_change()',
      source || '_metric_data_change', source);
  END LOOP;
END $$;
