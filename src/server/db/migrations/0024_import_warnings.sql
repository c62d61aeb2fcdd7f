ALTER TABLE "import_batches" ADD COLUMN "warning_counts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "import_issues" ADD COLUMN "severity" text DEFAULT 'error' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_issues" ADD COLUMN "message" jsonb;