ALTER TABLE "metric_data_changes" ADD COLUMN "affects_from" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
-- The earliest day each change can touch, so that a cached report of a fiscal year is kept while the changes
-- are dated after it (report-cache.ts): a row counts in the periods from its first day (hire date, valid_from,
-- completion, due date) on; figures look up to LINK_WINDOW_DAYS (31) past a period's end, which the reader adds.
-- An update that changes only columns no figure reads changes nothing; one that moves only a row's end touches
-- from the earlier of the two ends; any other update from the earlier of the two first days. A person's record
-- touches from their first hire. Undated records (grades, companies, settings, ...) touch every period.
DROP FUNCTION tekizai_note_metric_data_change() CASCADE;
--> statement-breakpoint
-- TG_ARGV: [0] the key joining a row's old and new versions ('' for undated records: any difference counts);
-- [1] the earliest day a row touches, an expression over the row `r` ('-infinity' for undated records); [2] the
-- last day it touches (NULL when open or undated); [3] a condition over `old_row` and `new_row` that holds when
-- no column a figure reads changed; [4] one that holds when none changed but the row's end; [5] for undated
-- records, the columns no figure reads.
CREATE FUNCTION tekizai_note_metric_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_key text := TG_ARGV[0];
  first_day text := TG_ARGV[1];
  last_day text := TG_ARGV[2];
  unchanged text := TG_ARGV[3];
  only_end_moved text := TG_ARGV[4];
  unread text[] := TG_ARGV[5]::text[];
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
           WHEN %2$s THEN NULL
           WHEN %3$s THEN least((%4$s)::date, (%5$s)::date)
           ELSE least((%6$s)::date, (%7$s)::date) END)
         FROM old_rows old_row JOIN new_rows new_row ON new_row.%1$I = old_row.%1$I$q$,
      row_key, unchanged, only_end_moved,
      regexp_replace(last_day, '\mr\.', 'old_row.', 'g'), regexp_replace(last_day, '\mr\.', 'new_row.', 'g'),
      regexp_replace(first_day, '\mr\.', 'old_row.', 'g'), regexp_replace(first_day, '\mr\.', 'new_row.', 'g'))
      INTO affects;
  END IF;
  IF affects IS NOT NULL THEN
    INSERT INTO metric_data_changes AS c (txid, affects_from) VALUES (txid_current(), affects)
    ON CONFLICT (txid) DO UPDATE SET affects_from = excluded.affects_from
      WHERE excluded.affects_from < c.affects_from;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The triggers, with each table's columns compared one by one (a generated column follows its inputs).
DO $$
DECLARE
  source record;
  event text;
  compared text[];
  kept text[];
  unchanged text;
  only_end_moved text;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('employments', 'id', 'r.hire_date', 'r.termination_date', '{termination_date,termination_reason}', '{employee_number,created_at}'),
    ('assignments', 'id', 'r.valid_from', 'r.valid_to', '{valid_to}', '{}'),
    ('org_unit_versions', 'id', 'r.valid_from', 'r.valid_to', '{valid_to}', '{}'),
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
    compared := ARRAY(
      SELECT column_name::text FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = source.tbl AND is_generated = 'NEVER'
        AND column_name::text <> ALL (source.unread::text[])
      ORDER BY ordinal_position);
    kept := ARRAY(SELECT c FROM unnest(compared) AS c WHERE c <> ALL (source.end_columns::text[]));
    SELECT format('ROW(%s) IS NOT DISTINCT FROM ROW(%s)',
                  string_agg('old_row.' || quote_ident(c), ', '), string_agg('new_row.' || quote_ident(c), ', '))
      INTO unchanged FROM unnest(compared) AS c;
    SELECT format('ROW(%s) IS NOT DISTINCT FROM ROW(%s)',
                  string_agg('old_row.' || quote_ident(c), ', '), string_agg('new_row.' || quote_ident(c), ', '))
      INTO only_end_moved FROM unnest(kept) AS c;
    IF cardinality(source.end_columns::text[]) = 0 THEN
      only_end_moved := 'false';
    END IF;
    FOREACH event IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      -- a new person touches nothing: no employment can name them yet
      CONTINUE WHEN source.tbl = 'persons' AND event = 'insert';
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT '
        'EXECUTE FUNCTION tekizai_note_metric_data_change(%L, %L, %L, %L, %L, %L)',
        source.tbl || '_metric_data_' || event, upper(event), source.tbl,
        CASE event WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                   ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        source.row_key, source.first_day, source.last_day, unchanged, only_end_moved, source.unread);
    END LOOP;
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT '
      'EXECUTE FUNCTION tekizai_note_metric_data_change(%L, %L, %L, %L, %L, %L)',
      source.tbl || '_metric_data_truncate', source.tbl,
      source.row_key, source.first_day, source.last_day, unchanged, only_end_moved, source.unread);
  END LOOP;
END $$;
