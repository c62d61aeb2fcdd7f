CREATE TABLE "standing_unit_counts" (
	"unit_id" integer NOT NULL,
	"category" text NOT NULL,
	"rule_code" text NOT NULL,
	"unit_path" "ltree" NOT NULL,
	"headcount" integer NOT NULL,
	"people_with_gaps" integer NOT NULL,
	"gaps" integer NOT NULL,
	"missing" integer NOT NULL,
	"due" integer NOT NULL,
	CONSTRAINT "standing_unit_counts_unit_id_category_rule_code_pk" PRIMARY KEY("unit_id","category","rule_code")
);
--> statement-breakpoint
CREATE TABLE "standing_unit_held" (
	"unit_id" integer NOT NULL,
	"category" text NOT NULL,
	"measure" text NOT NULL,
	"unit_path" "ltree" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "standing_unit_held_unit_id_category_measure_pk" PRIMARY KEY("unit_id","category","measure")
);
--> statement-breakpoint
CREATE INDEX "standing_unit_counts_path_gist" ON "standing_unit_counts" USING gist ("unit_path");--> statement-breakpoint
CREATE INDEX "standing_unit_held_path_gist" ON "standing_unit_held" USING gist ("unit_path");