-- Roster order (given name, middle, family) with the unit id in the index, so paging a province
-- of 100,000 people is an index-only scan. Drizzle's schema builder cannot declare INCLUDE.
CREATE INDEX IF NOT EXISTS "people_sort_cover" ON "people" USING btree ("sort_key" COLLATE "C", "id") INCLUDE ("unit_id");
