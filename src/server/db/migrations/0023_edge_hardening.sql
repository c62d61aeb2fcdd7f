CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	"attempt" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_throttle_last_at_idx" ON "login_throttle" USING btree ("last_at");