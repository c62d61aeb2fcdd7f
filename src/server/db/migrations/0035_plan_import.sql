ALTER TABLE "annual_plans" ADD COLUMN "import_id" integer;--> statement-breakpoint
ALTER TABLE "plan_lines" ADD COLUMN "import_id" integer;--> statement-breakpoint
CREATE INDEX "plan_lines_import_idx" ON "plan_lines" USING btree ("import_id") WHERE "plan_lines"."import_id" is not null;