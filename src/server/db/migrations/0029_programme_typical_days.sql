ALTER TABLE "programmes" ADD COLUMN "typical_days_min" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "typical_days_max" integer;