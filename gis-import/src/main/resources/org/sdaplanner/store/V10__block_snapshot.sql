-- Version 10: the region's building blocks kept as one value (BlockAnalysisCodec), so that a command
-- decodes them instead of making them again (overlay, apportionment, topology, adjacency). Written by
-- the first command that makes them, in a transaction of its own; cleared when the geography changes.
-- snapshot_key: SHA-256 over everything the blocks depend on (geography digest, rules, options,
-- bridges); a lookup with another key finds nothing. format: the codec's layout version.
CREATE TABLE block_snapshot (
    snapshot_key VARCHAR(64) PRIMARY KEY,
    geography_digest VARCHAR(64) NOT NULL,
    format INTEGER NOT NULL,
    written_at VARCHAR(40) NOT NULL,
    data BYTEA NOT NULL
);
-- the SHA-256 of the geography snapshot's bytes, kept when it is written so that readers need not hash
-- them; null for a snapshot made before this version (readers hash the bytes then)
ALTER TABLE geography_snapshot ADD COLUMN digest VARCHAR(64);
