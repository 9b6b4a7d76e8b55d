CREATE TABLE "scim_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scim_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"company_ids" integer[] NOT NULL,
	"terminate_on_deactivate" boolean DEFAULT false NOT NULL,
	"termination_reason" text DEFAULT 'voluntary' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "scim_tokens_reason_check" CHECK (termination_reason in ('voluntary', 'involuntary', 'mandatory_retirement', 'death', 'end_of_contract', 'transfer_within_group'))
);
--> statement-breakpoint
CREATE TABLE "scim_user_states" (
	"employment_id" integer PRIMARY KEY NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scim_user_states" ADD CONSTRAINT "scim_user_states_employment_id_employments_id_fk" FOREIGN KEY ("employment_id") REFERENCES "public"."employments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scim_tokens_hash_key" ON "scim_tokens" USING btree ("token_hash");