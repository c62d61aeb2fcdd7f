ALTER TABLE "org_units" ADD COLUMN "import_id" integer;--> statement-breakpoint
ALTER TABLE "report_layouts" ADD COLUMN "draft" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "org_units_import_idx" ON "org_units" USING btree ("import_id") WHERE "org_units"."import_id" is not null;