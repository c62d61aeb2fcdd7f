CREATE TABLE "import_staged" (
	"batch_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"cells" text[] NOT NULL,
	CONSTRAINT "import_staged_batch_id_row_no_pk" PRIMARY KEY("batch_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "import_staged_issues" (
	"batch_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"col" text NOT NULL,
	"value" text,
	"code" text NOT NULL,
	"sev" text NOT NULL,
	"msg_vi" text,
	"msg_en" text
);
--> statement-breakpoint
CREATE TABLE "person_trends" (
	"person_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"unit_id" integer NOT NULL,
	"first_on" date NOT NULL,
	CONSTRAINT "person_trends_person_id_kind_period_pk" PRIMARY KEY("person_id","kind","period")
);
--> statement-breakpoint
CREATE TABLE "trend_dirty" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trend_dirty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" integer
);
--> statement-breakpoint
CREATE TABLE "trend_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trend_unit_counts" (
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "trend_unit_counts_unit_id_kind_period_pk" PRIMARY KEY("unit_id","kind","period")
);
--> statement-breakpoint
ALTER TABLE "import_staged" ADD CONSTRAINT "import_staged_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_staged_issues" ADD CONSTRAINT "import_staged_issues_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_staged_issues_batch_idx" ON "import_staged_issues" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "person_trends_unit_idx" ON "person_trends" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "person_trends_first_on_idx" ON "person_trends" USING btree ("first_on");--> statement-breakpoint
CREATE INDEX "trend_dirty_everyone_idx" ON "trend_dirty" USING btree ("id") WHERE "trend_dirty"."person_id" is null;