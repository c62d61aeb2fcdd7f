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
ALTER TABLE "import_staged" ADD CONSTRAINT "import_staged_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_staged_issues" ADD CONSTRAINT "import_staged_issues_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_staged_issues_batch_idx" ON "import_staged_issues" USING btree ("batch_id");