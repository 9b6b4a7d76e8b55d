CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recipient_user_id" integer NOT NULL,
	"kind" varchar(100) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" varchar(500),
	"dedupe_key" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"posting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"employment_id" integer NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"scout_id" integer,
	"releasing_manager_person_id" integer,
	"approved_fte_share" numeric(3, 2),
	"effective_on" date,
	"ends_on" date,
	"resulting_assignment_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_status_check" CHECK (status in ('applied', 'in_review', 'interviewing', 'offered', 'released', 'confirmed', 'moved', 'rejected', 'withdrawn', 'declined')),
	CONSTRAINT "applications_fte_check" CHECK ("applications"."approved_fte_share" is null or ("applications"."approved_fte_share" > 0 and "applications"."approved_fte_share" < 1)),
	CONSTRAINT "applications_period_check" CHECK ("applications"."ends_on" is null or "applications"."effective_on" <= "applications"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "career_report_cycles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "career_report_cycles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"opens_on" date NOT NULL,
	"due_on" date NOT NULL,
	"reminder_days" jsonb DEFAULT '[14,3]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_report_cycles_period_check" CHECK ("career_report_cycles"."due_on" >= "career_report_cycles"."opens_on"),
	CONSTRAINT "career_report_cycles_status_check" CHECK (status in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "career_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "career_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cycle_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"desired_job_category_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desired_position_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desired_locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"move_timing" text DEFAULT 'no_wish' NOT NULL,
	"wants_transfer" boolean DEFAULT false NOT NULL,
	"open_to_overseas" boolean DEFAULT false NOT NULL,
	"manager_person_id" integer,
	"manager_comment" text,
	"manager_commented_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_reports_status_check" CHECK (status in ('draft', 'submitted', 'commented')),
	CONSTRAINT "career_reports_timing_check" CHECK (move_timing in ('within_1y', 'within_3y', 'later', 'no_wish'))
);
--> statement-breakpoint
CREATE TABLE "mobility_settings" (
	"company_id" integer PRIMARY KEY NOT NULL,
	"application_steps" jsonb DEFAULT '["in_review","interviewing","offered"]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_skills" (
	"posting_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"required" boolean NOT NULL,
	CONSTRAINT "posting_skills_pkey" PRIMARY KEY("posting_id","skill_id"),
	CONSTRAINT "posting_skills_level_check" CHECK ("posting_skills"."level" >= 1)
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_ja" varchar(200) NOT NULL,
	"title_en" varchar(200) NOT NULL,
	"description_ja" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"position_id" integer,
	"grade_rank_min" smallint,
	"grade_rank_max" smallint,
	"fte_share" numeric(3, 2),
	"duration_months" smallint,
	"host_company_id" integer,
	"overseas_program" text,
	"location" varchar(200),
	"eligibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_on" date,
	"closed_on" date,
	"owner_user_id" integer,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postings_kind_check" CHECK (kind in ('transfer', 'side_assignment', 'overseas', 'project')),
	CONSTRAINT "postings_status_check" CHECK (status in ('draft', 'open', 'closed')),
	CONSTRAINT "postings_program_check" CHECK (overseas_program is null or overseas_program in ('young_talent', 'mid_career')),
	CONSTRAINT "postings_fte_check" CHECK ("postings"."fte_share" is null or ("postings"."fte_share" > 0 and "postings"."fte_share" < 1)),
	CONSTRAINT "postings_duration_check" CHECK ("postings"."duration_months" is null or "postings"."duration_months" between 1 and 120),
	CONSTRAINT "postings_grade_range_check" CHECK ("postings"."grade_rank_min" is null or "postings"."grade_rank_max" is null or "postings"."grade_rank_min" <= "postings"."grade_rank_max"),
	CONSTRAINT "postings_side_assignment_check" CHECK ("postings"."kind" <> 'side_assignment' or ("postings"."fte_share" is not null and "postings"."duration_months" is not null)),
	CONSTRAINT "postings_overseas_check" CHECK ("postings"."kind" <> 'overseas' or ("postings"."host_company_id" is not null and "postings"."duration_months" is not null))
);
--> statement-breakpoint
CREATE TABLE "rotation_moves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rotation_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"to_company_id" integer NOT NULL,
	"to_org_unit_id" integer NOT NULL,
	"to_position_id" integer,
	"to_grade_id" integer,
	"note" text,
	"resulting_assignment_id" integer
);
--> statement-breakpoint
CREATE TABLE "rotation_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rotation_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer,
	"name" varchar(200) NOT NULL,
	"effective_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"created_by_user_id" integer,
	"approved_by_user_id" integer,
	"approved_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rotation_plans_status_check" CHECK (status in ('draft', 'approved', 'committed', 'discarded'))
);
--> statement-breakpoint
CREATE TABLE "scouting_consents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scouting_consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"all_companies" boolean DEFAULT false NOT NULL,
	"company_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scouts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"posting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"recruiter_user_id" integer NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"response_note" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "scouts_status_check" CHECK (status in ('sent', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "work_history_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_history_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date,
	"organisation" varchar(200) NOT NULL,
	"role" varchar(200) NOT NULL,
	"achievements" text DEFAULT '' NOT NULL,
	"skill_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT 'self' NOT NULL,
	"assignment_id" integer,
	"search_text" text GENERATED ALWAYS AS (lower(organisation || ' ' || role || ' ' || achievements)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_history_entries_period_check" CHECK ("work_history_entries"."period_to" is null or "work_history_entries"."period_to" >= "work_history_entries"."period_from"),
	CONSTRAINT "work_history_entries_source_check" CHECK (source in ('self', 'assignment'))
);
--> statement-breakpoint
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_role_check";--> statement-breakpoint
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_company_check";--> statement-breakpoint
DROP INDEX "user_roles_key";--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "org_unit_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_employment_id_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_releasing_manager_person_id_persons_id_fk" FOREIGN KEY ("releasing_manager_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_resulting_assignment_id_assignments_id_fk" FOREIGN KEY ("resulting_assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_report_cycles" ADD CONSTRAINT "career_report_cycles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_report_cycles" ADD CONSTRAINT "career_report_cycles_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_reports" ADD CONSTRAINT "career_reports_cycle_id_career_report_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."career_report_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_reports" ADD CONSTRAINT "career_reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_reports" ADD CONSTRAINT "career_reports_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_reports" ADD CONSTRAINT "career_reports_manager_person_id_persons_id_fk" FOREIGN KEY ("manager_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_settings" ADD CONSTRAINT "mobility_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_skills" ADD CONSTRAINT "posting_skills_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_skills" ADD CONSTRAINT "posting_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_host_company_id_companies_id_fk" FOREIGN KEY ("host_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_plan_id_rotation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rotation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_to_company_id_companies_id_fk" FOREIGN KEY ("to_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_to_org_unit_id_org_units_id_fk" FOREIGN KEY ("to_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_to_position_id_positions_id_fk" FOREIGN KEY ("to_position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_to_grade_id_grades_id_fk" FOREIGN KEY ("to_grade_id") REFERENCES "public"."grades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_moves" ADD CONSTRAINT "rotation_moves_resulting_assignment_id_assignments_id_fk" FOREIGN KEY ("resulting_assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_plans" ADD CONSTRAINT "rotation_plans_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_plans" ADD CONSTRAINT "rotation_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_plans" ADD CONSTRAINT "rotation_plans_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scouting_consents" ADD CONSTRAINT "scouting_consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scouts" ADD CONSTRAINT "scouts_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scouts" ADD CONSTRAINT "scouts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scouts" ADD CONSTRAINT "scouts_recruiter_user_id_users_id_fk" FOREIGN KEY ("recruiter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_history_entries" ADD CONSTRAINT "work_history_entries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_history_entries" ADD CONSTRAINT "work_history_entries_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_user_id","id") WHERE read_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("recipient_user_id","dedupe_key") WHERE dedupe_key is not null;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_key" ON "applications" USING btree ("posting_id","person_id") WHERE status not in ('moved', 'rejected', 'withdrawn', 'declined');--> statement-breakpoint
CREATE INDEX "applications_person_idx" ON "applications" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "applications_posting_idx" ON "applications" USING btree ("posting_id","status","id");--> statement-breakpoint
CREATE INDEX "applications_manager_idx" ON "applications" USING btree ("releasing_manager_person_id","id");--> statement-breakpoint
CREATE INDEX "applications_effective_idx" ON "applications" USING btree ("status","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "career_report_cycles_company_year_key" ON "career_report_cycles" USING btree ("company_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "career_reports_cycle_person_key" ON "career_reports" USING btree ("cycle_id","person_id");--> statement-breakpoint
CREATE INDEX "career_reports_person_idx" ON "career_reports" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "career_reports_company_idx" ON "career_reports" USING btree ("company_id","cycle_id","id");--> statement-breakpoint
CREATE INDEX "career_reports_manager_idx" ON "career_reports" USING btree ("manager_person_id","id");--> statement-breakpoint
CREATE INDEX "posting_skills_skill_idx" ON "posting_skills" USING btree ("skill_id","level");--> statement-breakpoint
CREATE INDEX "postings_status_idx" ON "postings" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "postings_company_idx" ON "postings" USING btree ("company_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_moves_plan_person_key" ON "rotation_moves" USING btree ("plan_id","person_id");--> statement-breakpoint
CREATE INDEX "rotation_moves_person_idx" ON "rotation_moves" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "rotation_plans_company_idx" ON "rotation_plans" USING btree ("company_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "scouting_consents_active_key" ON "scouting_consents" USING btree ("person_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "scouting_consents_person_idx" ON "scouting_consents" USING btree ("person_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "scouts_open_key" ON "scouts" USING btree ("posting_id","person_id") WHERE status = 'sent';--> statement-breakpoint
CREATE INDEX "scouts_person_idx" ON "scouts" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "scouts_posting_idx" ON "scouts" USING btree ("posting_id","status","id");--> statement-breakpoint
CREATE INDEX "work_history_entries_person_idx" ON "work_history_entries" USING btree ("person_id","period_from","id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_history_entries_assignment_key" ON "work_history_entries" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "work_history_entries_search_trgm_idx" ON "work_history_entries" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_roles_key" ON "user_roles" USING btree ("user_id","role",coalesce(company_id, 0),coalesce(org_unit_id, 0));--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_unit_check" CHECK ("user_roles"."org_unit_id" is null or "user_roles"."role" = 'recruiter');--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_role_check" CHECK (role in ('employee', 'manager', 'company_hr', 'group_hr', 'recruiter'));--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_company_check" CHECK (("user_roles"."role" in ('company_hr', 'recruiter')) = ("user_roles"."company_id" is not null));