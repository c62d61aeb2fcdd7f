-- The uploaded file in parts of 1 MB (ADR 022); a file stored before is its own part 0.
ALTER TABLE "import_files" ADD COLUMN "part" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_files" DROP CONSTRAINT "import_files_pkey";--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_batch_id_part_pk" PRIMARY KEY("batch_id","part");
