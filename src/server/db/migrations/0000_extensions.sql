-- Extensions every later migration relies on: ltree for the org tree, pg_trgm for name search,
-- unaccent for accent-free matching in SQL. All are trusted on PostgreSQL 13+ and load in PGlite.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
