-- Hand-written (drizzle-kit cannot express INCLUDE): indexes the metrics engine asks for at scale (issue 5 bench).
-- Moves between group companies: a person's transfer-out employments, looked up per person by the group-scope rules.
CREATE INDEX "employments_transfer_out_idx" ON "employments" USING btree ("person_id", "termination_date")
  WHERE termination_reason = 'transfer_within_group';
--> statement-breakpoint
-- Training days/hours per employee per company and fiscal year, answered from the index alone.
CREATE INDEX "training_records_company_amount_idx" ON "training_records" USING btree ("company_id", "completed_on")
  INCLUDE ("person_id", "days", "hours");
