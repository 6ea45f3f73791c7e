-- Version 9: the imported geography kept as one value beside the tables it is made from, so that a
-- command reads one row instead of eight tables (GeographySnapshot). Written by the import and by
-- making a release current, in their transactions; never by readers. format: the layout's version;
-- a snapshot of another format is ignored and the tables are read instead.
CREATE TABLE geography_snapshot (
    id INTEGER PRIMARY KEY,
    format INTEGER NOT NULL,
    data BYTEA NOT NULL
);
