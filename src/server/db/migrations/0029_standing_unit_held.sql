CREATE TABLE "standing_unit_held" (
	"unit_id" integer NOT NULL,
	"category" text NOT NULL,
	"measure" text NOT NULL,
	"unit_path" "ltree" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "standing_unit_held_unit_id_category_measure_pk" PRIMARY KEY("unit_id","category","measure")
);
--> statement-breakpoint
CREATE INDEX "standing_unit_held_path_gist" ON "standing_unit_held" USING gist ("unit_path");