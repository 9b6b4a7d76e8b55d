-- Hand-written (drizzle-kit cannot express INCLUDE or a partial index): indexes the metrics engine reads by
-- index alone (issue 5 bench, 120,000 employees).
-- The primary assignments by grade, with what the manager level reads (metrics/engine/populations.ts, attribute
-- `level`): the manager and executive grades' assignments are a tenth of all; one range per grade costs 10 ms
-- instead of a scan of every assignment (130 ms).
CREATE INDEX "assignments_primary_grade_idx" ON "assignments" USING btree ("grade_id")
  INCLUDE ("employment_id", "during") WHERE kind = 'primary';
--> statement-breakpoint
-- A course's completions with who completed it where (the OJT trainers, metrics/engine/training-populations.ts):
-- 27,000 completions of the OJT trainer course lie on 19,000 pages of the table (120 ms); from the index, 5 ms.
CREATE INDEX "training_records_course_people_idx" ON "training_records" USING btree ("course_id", "completed_on")
  INCLUDE ("person_id", "company_id", "id");
