-- Version 7: the region's default area counts in full (areas in all, or areas of parishes plus
-- unparished areas, and any per-district table), as JSON; default_areas keeps the headline number.
ALTER TABLE import_run ADD COLUMN area_counts VARCHAR;
