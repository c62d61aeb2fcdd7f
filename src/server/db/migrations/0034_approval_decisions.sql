ALTER TABLE "needs_proposals" ADD COLUMN "decision_no" text;--> statement-breakpoint
ALTER TABLE "needs_proposals" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "needs_proposals" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "needs_proposals" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "class_nominations" ADD COLUMN "decision_no" text;--> statement-breakpoint
ALTER TABLE "class_nominations" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "class_nominations" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "class_nominations" ADD COLUMN "signer_title" text;