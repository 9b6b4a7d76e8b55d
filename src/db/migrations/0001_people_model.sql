CREATE TABLE "app_meta" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "companies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"country" varchar(2) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"is_domestic" boolean NOT NULL,
	"fiscal_year_start_month" smallint DEFAULT 4 NOT NULL,
	"parent_company_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_fy_month_check" CHECK ("companies"."fiscal_year_start_month" between 1 and 12),
	CONSTRAINT "companies_not_own_parent" CHECK ("companies"."parent_company_id" is null or "companies"."parent_company_id" <> "companies"."id")
);
--> statement-breakpoint
CREATE TABLE "grades" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grades_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"code" varchar(32) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"rank" smallint NOT NULL,
	"is_manager_level" boolean DEFAULT false NOT NULL,
	"is_executive" boolean DEFAULT false NOT NULL,
	"description" text,
	CONSTRAINT "grades_manager_not_executive" CHECK (not ("grades"."is_manager_level" and "grades"."is_executive"))
);
--> statement-breakpoint
CREATE TABLE "job_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"code" varchar(64) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_unit_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"parent_org_unit_id" integer,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"during" daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED NOT NULL,
	CONSTRAINT "org_unit_versions_period_check" CHECK ("org_unit_versions"."valid_to" is null or "org_unit_versions"."valid_to" >= "org_unit_versions"."valid_from"),
	CONSTRAINT "org_unit_versions_not_own_parent" CHECK ("org_unit_versions"."parent_org_unit_id" is null or "org_unit_versions"."parent_org_unit_id" <> "org_unit_versions"."org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"code" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "positions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"job_category_id" integer,
	"code" varchar(64) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"onet_soc_code" varchar(10)
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employment_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"kind" text NOT NULL,
	"org_unit_id" integer NOT NULL,
	"position_id" integer,
	"grade_id" integer,
	"line_manager_person_id" integer,
	"is_head" boolean DEFAULT false NOT NULL,
	"fte" numeric(3, 2) DEFAULT 1 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"during" daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED NOT NULL,
	CONSTRAINT "assignments_period_check" CHECK ("assignments"."valid_to" is null or "assignments"."valid_to" >= "assignments"."valid_from"),
	CONSTRAINT "assignments_fte_check" CHECK ("assignments"."fte" > 0 and "assignments"."fte" <= 1),
	CONSTRAINT "assignments_kind_check" CHECK (kind in ('primary', 'secondary', 'secondment'))
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "employments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"employee_number" varchar(32) NOT NULL,
	"hire_date" date NOT NULL,
	"termination_date" date,
	"termination_reason" text,
	"employment_type" text NOT NULL,
	"weekly_hours" numeric(4, 1) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employments_period_check" CHECK ("employments"."termination_date" is null or "employments"."termination_date" >= "employments"."hire_date"),
	CONSTRAINT "employments_reason_check" CHECK ((termination_date is null and termination_reason is null) or (termination_date is not null and termination_reason in ('voluntary', 'involuntary', 'mandatory_retirement', 'death', 'end_of_contract', 'transfer_within_group'))),
	CONSTRAINT "employments_type_check" CHECK (employment_type in ('regular', 'contract', 'part_time', 'reemployed', 'temporary', 'executive_officer')),
	CONSTRAINT "employments_hours_check" CHECK ("employments"."weekly_hours" > 0 and "employments"."weekly_hours" <= 80)
);
--> statement-breakpoint
CREATE TABLE "person_sensitive" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"disability_category" text,
	"disability_severe" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_sensitive_category_check" CHECK (disability_category is null or disability_category in ('physical', 'intellectual', 'mental')),
	CONSTRAINT "person_sensitive_severity_check" CHECK (("person_sensitive"."disability_category" is null) = ("person_sensitive"."disability_severe" is null))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "persons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"family_name" varchar(100) NOT NULL,
	"given_name" varchar(100) NOT NULL,
	"family_name_kana" varchar(100),
	"given_name_kana" varchar(100),
	"family_name_latin" varchar(100),
	"given_name_latin" varchar(100),
	"name_order" text DEFAULT 'family_first' NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date,
	"email" varchar(254),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(family_name || given_name || ' ' || given_name || family_name || ' ' || coalesce(family_name_kana || given_name_kana, '') || ' ' || coalesce(given_name_kana || family_name_kana, '') || ' ' || coalesce(family_name_latin || given_name_latin, '') || ' ' || coalesce(given_name_latin || family_name_latin, ''))) STORED NOT NULL,
	CONSTRAINT "persons_gender_check" CHECK (gender in ('female', 'male', 'other', 'undisclosed')),
	CONSTRAINT "persons_name_order_check" CHECK (name_order in ('family_first', 'given_first'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"token_hash" varchar(64) NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" varchar(64),
	"user_agent" varchar(400)
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"company_id" integer,
	CONSTRAINT "user_roles_role_check" CHECK (role in ('employee', 'manager', 'company_hr', 'group_hr')),
	CONSTRAINT "user_roles_company_check" CHECK (("user_roles"."role" = 'company_hr') = ("user_roles"."company_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" varchar(254) NOT NULL,
	"display_name" varchar(200) NOT NULL,
	"password_hash" text NOT NULL,
	"person_id" integer,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_locale_check" CHECK (locale is null or locale in ('en', 'ja'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" varchar(64) NOT NULL,
	"entity" varchar(64),
	"entity_id" varchar(64),
	"ip" varchar(64),
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_parent_company_id_companies_id_fk" FOREIGN KEY ("parent_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grades" ADD CONSTRAINT "grades_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_categories" ADD CONSTRAINT "job_categories_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_versions" ADD CONSTRAINT "org_unit_versions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_versions" ADD CONSTRAINT "org_unit_versions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_versions" ADD CONSTRAINT "org_unit_versions_parent_org_unit_id_org_units_id_fk" FOREIGN KEY ("parent_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_job_category_id_job_categories_id_fk" FOREIGN KEY ("job_category_id") REFERENCES "public"."job_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_employment_id_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_grade_id_grades_id_fk" FOREIGN KEY ("grade_id") REFERENCES "public"."grades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_line_manager_person_id_persons_id_fk" FOREIGN KEY ("line_manager_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_sensitive" ADD CONSTRAINT "person_sensitive_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_code_key" ON "companies" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "grades_company_code_key" ON "grades" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "grades_company_rank_key" ON "grades" USING btree ("company_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "job_categories_company_code_key" ON "job_categories" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "org_unit_versions_company_idx" ON "org_unit_versions" USING btree ("company_id","valid_from");--> statement-breakpoint
CREATE INDEX "org_unit_versions_parent_idx" ON "org_unit_versions" USING btree ("parent_org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_company_code_key" ON "org_units" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_company_code_key" ON "positions" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "assignments_person_idx" ON "assignments" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "assignments_company_idx" ON "assignments" USING btree ("company_id","valid_from");--> statement-breakpoint
CREATE INDEX "assignments_manager_idx" ON "assignments" USING btree ("line_manager_person_id");--> statement-breakpoint
CREATE INDEX "employments_person_idx" ON "employments" USING btree ("person_id","hire_date");--> statement-breakpoint
CREATE INDEX "employments_company_number_idx" ON "employments" USING btree ("company_id","employee_number");--> statement-breakpoint
CREATE INDEX "employments_company_hire_idx" ON "employments" USING btree ("company_id","hire_date");--> statement-breakpoint
CREATE INDEX "persons_search_trgm_idx" ON "persons" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_roles_key" ON "user_roles" USING btree ("user_id","role",coalesce(company_id, 0));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");