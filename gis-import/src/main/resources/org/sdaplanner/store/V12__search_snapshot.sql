-- Version 12: what a search found (ClusteringCodec), kept beside the building blocks so that building
-- the same plan again (same blocks, options and code: a search is deterministic) decodes it instead of
-- searching. Written by the first command that searches, in a transaction of its own; cleared with the
-- block snapshots when the geography changes. Same columns as block_snapshot (V10).
CREATE TABLE search_snapshot (
    snapshot_key VARCHAR(64) PRIMARY KEY,
    geography_digest VARCHAR(64) NOT NULL,
    format INTEGER NOT NULL,
    written_at VARCHAR(40) NOT NULL,
    data BYTEA NOT NULL
);
