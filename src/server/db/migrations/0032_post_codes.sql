ALTER TABLE "people" ADD COLUMN "post_code" text;--> statement-breakpoint
ALTER TABLE "person_history" ADD COLUMN "post_code" text;--> statement-breakpoint
ALTER TABLE "person_standing" ADD COLUMN "post_code" text;--> statement-breakpoint
ALTER TABLE "person_standing" ADD COLUMN "post_group" text;