CREATE TABLE "disability_group_application_members" (
	"application_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	CONSTRAINT "disability_group_application_members_application_id_company_id_pk" PRIMARY KEY("application_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "disability_group_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disability_group_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	"name_ja" varchar(200) NOT NULL,
	"name_en" varchar(200) NOT NULL,
	"parent_company_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "disability_group_applications_period_check" CHECK ("disability_group_applications"."valid_to" is null or "disability_group_applications"."valid_to" >= "disability_group_applications"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "metric_settings" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "published_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scope_key" varchar(32) NOT NULL,
	"company_id" integer,
	"fiscal_year" smallint NOT NULL,
	"version" integer NOT NULL,
	"report" jsonb NOT NULL,
	"data_hash" varchar(64) NOT NULL,
	"note" text,
	"published_by_user_id" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disability_group_application_members" ADD CONSTRAINT "disability_group_application_members_application_id_disability_group_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."disability_group_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disability_group_application_members" ADD CONSTRAINT "disability_group_application_members_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disability_group_applications" ADD CONSTRAINT "disability_group_applications_parent_company_id_companies_id_fk" FOREIGN KEY ("parent_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_reports" ADD CONSTRAINT "published_reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_reports" ADD CONSTRAINT "published_reports_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disability_group_applications_code_key" ON "disability_group_applications" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "published_reports_scope_version_key" ON "published_reports" USING btree ("scope_key","fiscal_year","version");--> statement-breakpoint
CREATE INDEX "published_reports_company_idx" ON "published_reports" USING btree ("company_id","fiscal_year");--> statement-breakpoint
-- Hand-written (not in the drizzle schema, like the gist indexes of 0002): the metrics engine finds the
-- leavers of a period per company by (company_id, termination_date).
CREATE INDEX "employments_company_termination_idx" ON "employments" USING btree ("company_id","termination_date");
