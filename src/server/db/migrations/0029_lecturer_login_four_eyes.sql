ALTER TABLE "users" ADD COLUMN "lecturer_id" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "typical_days_min" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "typical_days_max" integer;--> statement-breakpoint
ALTER TABLE "annual_plan_versions" ADD COLUMN "decision_no" text;--> statement-breakpoint
ALTER TABLE "annual_plan_versions" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "annual_plan_versions" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "annual_plan_versions" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "annual_plans" ADD COLUMN "submitted_by" integer;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_lecturer_id_lecturers_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."lecturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_lecturer_uq" ON "users" USING btree ("lecturer_id") WHERE "users"."lecturer_id" is not null;