CREATE TABLE "person_standing" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" "ltree" NOT NULL,
	"unit_level" text NOT NULL,
	"category" text NOT NULL,
	"rank" text,
	"post" text,
	"leadership_tier" text NOT NULL,
	"appointed_on" date,
	"service_start" date,
	"birth_date" date,
	"party_member" boolean NOT NULL,
	"party_join_date" date,
	"profile" text NOT NULL,
	"held" text[] NOT NULL,
	"periods_year" integer NOT NULL,
	"rule_ids" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_standing_gaps" (
	"person_id" integer NOT NULL,
	"rule_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"unit_path" "ltree" NOT NULL,
	"category" text NOT NULL,
	"rule_code" text NOT NULL,
	"status" text NOT NULL,
	"due_by" date,
	"periods_done" integer,
	CONSTRAINT "person_standing_gaps_person_id_rule_id_pk" PRIMARY KEY("person_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "standing_dirty" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "standing_dirty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" integer
);
--> statement-breakpoint
CREATE TABLE "standing_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "person_standing_path_gist" ON "person_standing" USING gist ("unit_path");--> statement-breakpoint
CREATE INDEX "standing_dirty_everyone_idx" ON "standing_dirty" USING btree ("id") WHERE "standing_dirty"."person_id" is null;