CREATE TABLE "skill_assessments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skill_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"company_id" integer,
	"skill_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"source" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_person_id" integer,
	"assessor_user_id" integer,
	"training_record_id" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_assessments_level_check" CHECK ("skill_assessments"."level" >= 0),
	CONSTRAINT "skill_assessments_source_check" CHECK (source in ('self', 'manager', 'hr', 'course', 'import'))
);
--> statement-breakpoint
CREATE TABLE "skill_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skill_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer,
	"code" varchar(64) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "skill_categories_code_key" UNIQUE NULLS NOT DISTINCT("company_id","code")
);
--> statement-breakpoint
CREATE TABLE "skill_level_anchors" (
	"skill_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"description_ja" text NOT NULL,
	"description_en" text NOT NULL,
	CONSTRAINT "skill_level_anchors_pkey" PRIMARY KEY("skill_id","level")
);
--> statement-breakpoint
CREATE TABLE "skill_requirements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skill_requirements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"position_id" integer,
	"job_category_id" integer,
	"grade_id" integer,
	"skill_id" integer NOT NULL,
	"required_level" smallint NOT NULL,
	"desirable_level" smallint,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"during" daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED NOT NULL,
	CONSTRAINT "skill_requirements_target_check" CHECK (("skill_requirements"."position_id" is not null and "skill_requirements"."job_category_id" is null) or ("skill_requirements"."position_id" is null and "skill_requirements"."job_category_id" is not null and "skill_requirements"."grade_id" is not null)),
	CONSTRAINT "skill_requirements_levels_check" CHECK ("skill_requirements"."required_level" >= 0 and ("skill_requirements"."desirable_level" is null or "skill_requirements"."desirable_level" >= "skill_requirements"."required_level")),
	CONSTRAINT "skill_requirements_period_check" CHECK ("skill_requirements"."valid_to" is null or "skill_requirements"."valid_to" >= "skill_requirements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "skill_scale_levels" (
	"level" smallint PRIMARY KEY NOT NULL,
	"name_ja" varchar(100) NOT NULL,
	"name_en" varchar(100) NOT NULL,
	"description_ja" text NOT NULL,
	"description_en" text NOT NULL,
	CONSTRAINT "skill_scale_levels_range" CHECK ("skill_scale_levels"."level" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "skill_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"current_level_rule" text DEFAULT 'latest_confirmed' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_settings_single_row" CHECK ("skill_settings"."id" = 1),
	CONSTRAINT "skill_settings_rule_check" CHECK (current_level_rule in ('latest_confirmed', 'latest_any'))
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_id" integer NOT NULL,
	"company_id" integer,
	"code" varchar(64) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"description_ja" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"onet_element_id" varchar(16),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skills_code_key" UNIQUE NULLS NOT DISTINCT("company_id","code")
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(64) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"issuer" varchar(200) DEFAULT '' NOT NULL,
	"validity_months" smallint,
	CONSTRAINT "certifications_validity_check" CHECK ("certifications"."validity_months" is null or "certifications"."validity_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "course_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" varchar(200),
	"url" varchar(500),
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_sessions_period_check" CHECK ("course_sessions"."ends_on" >= "course_sessions"."starts_on"),
	CONSTRAINT "course_sessions_capacity_check" CHECK ("course_sessions"."capacity" >= 1),
	CONSTRAINT "course_sessions_status_check" CHECK (status in ('open', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "course_skills" (
	"course_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"target_level" smallint NOT NULL,
	CONSTRAINT "course_skills_pkey" PRIMARY KEY("course_id","skill_id"),
	CONSTRAINT "course_skills_level_check" CHECK ("course_skills"."target_level" >= 1)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "courses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer,
	"code" varchar(64) NOT NULL,
	"title_ja" varchar(200) NOT NULL,
	"title_en" varchar(200) NOT NULL,
	"description_ja" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"delivery" text NOT NULL,
	"duration_days" numeric(5, 2) NOT NULL,
	"duration_hours" numeric(6, 2) NOT NULL,
	"language" text DEFAULT 'ja' NOT NULL,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_kind_check" CHECK (kind in ('layer', 'role', 'department', 'compliance', 'ojt_trainer', 'external_seminar', 'certification_prep')),
	CONSTRAINT "courses_delivery_check" CHECK (delivery in ('classroom', 'online_live', 'e_learning')),
	CONSTRAINT "courses_language_check" CHECK (language in ('ja', 'en', 'ja_en')),
	CONSTRAINT "courses_duration_check" CHECK ("courses"."duration_days" >= 0 and "courses"."duration_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" integer NOT NULL,
	"session_id" integer,
	"person_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"due_on" date,
	"requested_by_user_id" integer,
	"request_note" text,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_status_check" CHECK (status in ('requested', 'enrolled', 'waitlisted', 'completed', 'not_completed', 'rejected', 'cancelled')),
	CONSTRAINT "enrolments_origin_check" CHECK (origin in ('self', 'hr'))
);
--> statement-breakpoint
CREATE TABLE "person_certifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_certifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"certification_id" integer NOT NULL,
	"company_id" integer,
	"obtained_on" date NOT NULL,
	"expires_on" date,
	"credential_id" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_certifications_period_check" CHECK ("person_certifications"."expires_on" is null or "person_certifications"."expires_on" >= "person_certifications"."obtained_on")
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"session_id" integer,
	"enrolment_id" integer,
	"completed_on" date NOT NULL,
	"days" numeric(5, 2) NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"score" numeric(5, 1),
	"source" text NOT NULL,
	"recorded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_records_amount_check" CHECK ("training_records"."days" >= 0 and "training_records"."hours" >= 0),
	CONSTRAINT "training_records_score_check" CHECK ("training_records"."score" is null or ("training_records"."score" >= 0 and "training_records"."score" <= 100)),
	CONSTRAINT "training_records_source_check" CHECK (source in ('session', 'e_learning', 'import', 'demo'))
);
--> statement-breakpoint
CREATE TABLE "ojt_checkins" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ojt_checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pair_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"progress" text NOT NULL,
	"advice" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ojt_goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ojt_goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pair_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"skill_id" integer,
	"target_level" smallint,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ojt_goals_status_check" CHECK (status in ('open', 'achieved', 'partly_achieved', 'not_achieved')),
	CONSTRAINT "ojt_goals_level_check" CHECK (("ojt_goals"."skill_id" is null) = ("ojt_goals"."target_level" is null))
);
--> statement-breakpoint
CREATE TABLE "ojt_pairs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ojt_pairs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"trainee_person_id" integer NOT NULL,
	"trainer_person_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"during" daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"review_note" text,
	"reviewed_on" date,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ojt_pairs_not_self" CHECK ("ojt_pairs"."trainee_person_id" <> "ojt_pairs"."trainer_person_id"),
	CONSTRAINT "ojt_pairs_period_check" CHECK ("ojt_pairs"."valid_to" is null or "ojt_pairs"."valid_to" >= "ojt_pairs"."valid_from"),
	CONSTRAINT "ojt_pairs_status_check" CHECK (status in ('active', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_assessor_person_id_persons_id_fk" FOREIGN KEY ("assessor_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_categories" ADD CONSTRAINT "skill_categories_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_level_anchors" ADD CONSTRAINT "skill_level_anchors_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_requirements" ADD CONSTRAINT "skill_requirements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_requirements" ADD CONSTRAINT "skill_requirements_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_requirements" ADD CONSTRAINT "skill_requirements_job_category_id_job_categories_id_fk" FOREIGN KEY ("job_category_id") REFERENCES "public"."job_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_requirements" ADD CONSTRAINT "skill_requirements_grade_id_grades_id_fk" FOREIGN KEY ("grade_id") REFERENCES "public"."grades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_requirements" ADD CONSTRAINT "skill_requirements_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_category_id_skill_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."skill_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skills" ADD CONSTRAINT "course_skills_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skills" ADD CONSTRAINT "course_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_certifications" ADD CONSTRAINT "person_certifications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_certifications" ADD CONSTRAINT "person_certifications_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_certifications" ADD CONSTRAINT "person_certifications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_checkins" ADD CONSTRAINT "ojt_checkins_pair_id_ojt_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."ojt_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_checkins" ADD CONSTRAINT "ojt_checkins_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_goals" ADD CONSTRAINT "ojt_goals_pair_id_ojt_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."ojt_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_goals" ADD CONSTRAINT "ojt_goals_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_pairs" ADD CONSTRAINT "ojt_pairs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_pairs" ADD CONSTRAINT "ojt_pairs_trainee_person_id_persons_id_fk" FOREIGN KEY ("trainee_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_pairs" ADD CONSTRAINT "ojt_pairs_trainer_person_id_persons_id_fk" FOREIGN KEY ("trainer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ojt_pairs" ADD CONSTRAINT "ojt_pairs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skill_assessments_person_idx" ON "skill_assessments" USING btree ("person_id","skill_id","assessed_on","id");--> statement-breakpoint
CREATE INDEX "skill_assessments_skill_idx" ON "skill_assessments" USING btree ("skill_id","person_id");--> statement-breakpoint
CREATE INDEX "skill_requirements_position_idx" ON "skill_requirements" USING btree ("position_id","valid_from");--> statement-breakpoint
CREATE INDEX "skill_requirements_category_idx" ON "skill_requirements" USING btree ("job_category_id","grade_id","valid_from");--> statement-breakpoint
CREATE INDEX "skill_requirements_skill_idx" ON "skill_requirements" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "skills_category_idx" ON "skills" USING btree ("category_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_code_key" ON "certifications" USING btree ("code");--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "course_sessions" USING btree ("course_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "course_sessions_company_idx" ON "course_sessions" USING btree ("company_id","starts_on");--> statement-breakpoint
CREATE INDEX "course_skills_skill_idx" ON "course_skills" USING btree ("skill_id","target_level");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_code_key" ON "courses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "courses_kind_idx" ON "courses" USING btree ("kind","code");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_open_session_key" ON "enrolments" USING btree ("person_id","session_id") WHERE session_id is not null and status in ('requested', 'enrolled', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_open_course_key" ON "enrolments" USING btree ("person_id","course_id") WHERE session_id is null and status in ('requested', 'enrolled', 'waitlisted');--> statement-breakpoint
CREATE INDEX "enrolments_person_idx" ON "enrolments" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "enrolments_session_idx" ON "enrolments" USING btree ("session_id","status","id");--> statement-breakpoint
CREATE INDEX "enrolments_company_due_idx" ON "enrolments" USING btree ("company_id","due_on");--> statement-breakpoint
CREATE INDEX "person_certifications_person_idx" ON "person_certifications" USING btree ("person_id","obtained_on","id");--> statement-breakpoint
CREATE INDEX "person_certifications_expiry_idx" ON "person_certifications" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "person_certifications_once_key" ON "person_certifications" USING btree ("person_id","certification_id","obtained_on");--> statement-breakpoint
CREATE INDEX "training_records_company_idx" ON "training_records" USING btree ("company_id","completed_on");--> statement-breakpoint
CREATE INDEX "training_records_person_idx" ON "training_records" USING btree ("person_id","completed_on","id");--> statement-breakpoint
CREATE INDEX "training_records_course_idx" ON "training_records" USING btree ("course_id","completed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_records_enrolment_key" ON "training_records" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "ojt_checkins_pair_idx" ON "ojt_checkins" USING btree ("pair_id","held_on","id");--> statement-breakpoint
CREATE INDEX "ojt_goals_pair_idx" ON "ojt_goals" USING btree ("pair_id","id");--> statement-breakpoint
CREATE INDEX "ojt_pairs_company_idx" ON "ojt_pairs" USING btree ("company_id","fiscal_year","id");--> statement-breakpoint
CREATE INDEX "ojt_pairs_trainer_idx" ON "ojt_pairs" USING btree ("trainer_person_id","valid_from");--> statement-breakpoint
CREATE INDEX "ojt_pairs_trainee_idx" ON "ojt_pairs" USING btree ("trainee_person_id","valid_from");