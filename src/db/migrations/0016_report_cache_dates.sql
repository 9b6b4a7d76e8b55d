ALTER TABLE "metric_data_changes" ADD COLUMN "affects_from" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
-- The earliest day each change can touch, so that a cached report of a fiscal year is kept while the changes
-- are dated after it (report-cache.ts): a row counts in the periods from its first day (hire date, valid_from,
-- completion, due date) on; figures look up to LINK_WINDOW_DAYS (31) past a period's end, which the reader adds.
-- An update that changes only columns no figure reads changes nothing; one that moves only a row's end touches
-- from the earlier of the two ends; any other update from the earlier of the two first days. A person's record
-- touches from their first hire. Undated records (grades, companies, settings, ...) touch every period.
DROP FUNCTION tekizai_note_metric_data_change() CASCADE;
--> statement-breakpoint
-- TG_ARGV: [0] the key joining a row's old and new versions; [1] the earliest day a row touches, an expression
-- over the row `r` ('-infinity' for undated records); [2] the last day it touches (null when open or undated);
-- [3] the columns that hold that last day; [4] columns no figure reads.
CREATE FUNCTION tekizai_note_metric_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_key text := TG_ARGV[0];
  first_day text := TG_ARGV[1];
  last_day text := TG_ARGV[2];
  end_columns text[] := TG_ARGV[3]::text[];
  unread text[] := TG_ARGV[4]::text[];
  affects date;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    affects := '-infinity';
  ELSIF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT min((%s)::date) FROM new_rows r', first_day) INTO affects;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT min((%s)::date) FROM old_rows r', first_day) INTO affects;
  ELSIF row_key = '' THEN
    EXECUTE format(
      $q$SELECT CASE WHEN EXISTS (SELECT to_jsonb(o) - %1$L::text[] FROM old_rows o
                                 EXCEPT ALL SELECT to_jsonb(n) - %1$L::text[] FROM new_rows n)
                     THEN '-infinity'::date END$q$, unread) INTO affects;
  ELSE
    EXECUTE format(
      $q$SELECT min(CASE
           WHEN (to_jsonb(o) - %3$L::text[]) = (to_jsonb(n) - %3$L::text[]) THEN NULL
           WHEN (to_jsonb(o) - %3$L::text[] - %4$L::text[]) = (to_jsonb(n) - %3$L::text[] - %4$L::text[])
             THEN least((SELECT (%2$s)::date FROM (SELECT o.*) r), (SELECT (%2$s)::date FROM (SELECT n.*) r))
           ELSE least((SELECT (%1$s)::date FROM (SELECT o.*) r), (SELECT (%1$s)::date FROM (SELECT n.*) r)) END)
         FROM old_rows o JOIN new_rows n ON n.%5$I = o.%5$I$q$,
      first_day, last_day, unread, end_columns, row_key) INTO affects;
  END IF;
  IF affects IS NOT NULL THEN
    INSERT INTO metric_data_changes AS c (txid, affects_from) VALUES (txid_current(), affects)
    ON CONFLICT (txid) DO UPDATE SET affects_from = excluded.affects_from
      WHERE excluded.affects_from < c.affects_from;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  source record;
  event text;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('employments', 'id', 'r.hire_date', 'r.termination_date', '{termination_date,termination_reason}', '{employee_number,created_at}'),
    ('assignments', 'id', 'r.valid_from', 'r.valid_to', '{valid_to,during}', '{}'),
    ('org_unit_versions', 'id', 'r.valid_from', 'r.valid_to', '{valid_to,during}', '{}'),
    ('training_records', 'id', 'least(r.completed_on, (SELECT n.due_on FROM enrolments n WHERE n.id = r.enrolment_id))', 'NULL', '{}', '{created_at}'),
    ('enrolments', 'id', 'r.due_on', 'NULL', '{}', '{requested_by_user_id,request_note,decided_by_user_id,decided_at,decision_note,created_at,updated_at}'),
    ('persons', 'id', '(SELECT min(e.hire_date) FROM employments e WHERE e.person_id = r.id)', 'NULL', '{}', '{family_name,given_name,family_name_kana,given_name_kana,family_name_latin,given_name_latin,name_order,email,search_text,created_at}'),
    ('person_sensitive', 'person_id', '(SELECT min(e.hire_date) FROM employments e WHERE e.person_id = r.person_id)', 'NULL', '{}', '{updated_at}'),
    ('companies', '', '''-infinity''::date', 'NULL', '{}', '{created_at}'),
    ('courses', '', '''-infinity''::date', 'NULL', '{}', '{created_at}'),
    ('grades', '', '''-infinity''::date', 'NULL', '{}', '{}'),
    ('metric_settings', '', '''-infinity''::date', 'NULL', '{}', '{updated_at}'),
    ('org_units', '', '''-infinity''::date', 'NULL', '{}', '{}'),
    ('disability_group_applications', '', '''-infinity''::date', 'NULL', '{}', '{}'),
    ('disability_group_application_members', '', '''-infinity''::date', 'NULL', '{}', '{}')
  ) AS s(tbl, row_key, first_day, last_day, end_columns, unread) LOOP
    FOREACH event IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      -- a new person touches nothing: no employment can name them yet
      CONTINUE WHEN source.tbl = 'persons' AND event = 'insert';
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT '
        'EXECUTE FUNCTION tekizai_note_metric_data_change(%L, %L, %L, %L, %L)',
        source.tbl || '_metric_data_' || event, upper(event), source.tbl,
        CASE event WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                   ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        source.row_key, source.first_day, source.last_day, source.end_columns, source.unread);
    END LOOP;
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT '
      'EXECUTE FUNCTION tekizai_note_metric_data_change(%L, %L, %L, %L, %L)',
      source.tbl || '_metric_data_truncate', source.tbl,
      source.row_key, source.first_day, source.last_day, source.end_columns, source.unread);
  END LOOP;
END $$;
