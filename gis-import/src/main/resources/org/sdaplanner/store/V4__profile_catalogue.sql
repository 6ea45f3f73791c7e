-- Version 4: the region's indicator catalogue and the LSOA vintage of each per-LSOA table,
-- kept with the import so profiles need no manifest at hand.
CREATE TABLE indicator (
    position INTEGER PRIMARY KEY,
    id VARCHAR(100) NOT NULL,
    spec_json VARCHAR NOT NULL
);
CREATE TABLE dataset_info (
    dataset VARCHAR(100) PRIMARY KEY,
    lsoa_vintage VARCHAR(10) NOT NULL
);
