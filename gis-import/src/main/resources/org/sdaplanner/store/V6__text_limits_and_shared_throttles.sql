-- Version 6 (issue 13): text columns that fit the TextRule limits, and write limits and sign-in
-- throttles kept in the store, so that every server process on one database shares them.
-- Same SQL for H2GIS and PostGIS. TextRule counts characters (code points); H2 counts a column's
-- length in UTF-16 units, so a column holding text of at most n characters is VARCHAR(2n).
ALTER TABLE plan ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE plan_area ALTER COLUMN name SET DATA TYPE VARCHAR(400);
-- an area rename keeps the new name in the edit history (it was 40 characters: longer names failed)
ALTER TABLE plan_edit ALTER COLUMN to_area SET DATA TYPE VARCHAR(400);
ALTER TABLE plan_version ALTER COLUMN label SET DATA TYPE VARCHAR(400);
ALTER TABLE account ALTER COLUMN display_name SET DATA TYPE VARCHAR(400);
ALTER TABLE plan_comment ALTER COLUMN area_name SET DATA TYPE VARCHAR(400);
ALTER TABLE plan_comment ALTER COLUMN block_name SET DATA TYPE VARCHAR(400);
ALTER TABLE plan_comment ALTER COLUMN moderation_reason SET DATA TYPE VARCHAR(1000);
ALTER TABLE audit_event ALTER COLUMN detail SET DATA TYPE VARCHAR(2000);
-- the region's name (TextRule NAME), names and table text read from official files (PLACE_NAME, TABLE_TEXT)
ALTER TABLE import_run ALTER COLUMN region_name SET DATA TYPE VARCHAR(400);
ALTER TABLE lsoa ALTER COLUMN name SET DATA TYPE VARCHAR(300);
ALTER TABLE parish ALTER COLUMN name SET DATA TYPE VARCHAR(300);
ALTER TABLE district ALTER COLUMN name SET DATA TYPE VARCHAR(300);
ALTER TABLE lsoa_value ALTER COLUMN field SET DATA TYPE VARCHAR(600);
ALTER TABLE postcode ALTER COLUMN postcode SET DATA TYPE VARCHAR(20);
-- A token bucket per key (an account's writes): tokens left at updated_ms (epoch milliseconds).
CREATE TABLE rate_bucket (
    bucket_key VARCHAR(200) PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    updated_ms BIGINT NOT NULL
);
-- Wrong passwords per user name and per client address: how many since first_ms, and until when
-- sign-in for the key is refused.
CREATE TABLE signin_throttle (
    throttle_key VARCHAR(200) PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_ms BIGINT NOT NULL,
    locked_until_ms BIGINT
);
