-- Version 13: the two largest import tables, registration and lsoa_value, each become three physical
-- tables ("slots") behind a view of the table's own name, which shows the slot that is current.
-- A new import (or a release made current) writes an empty slot and makes it current in its
-- transaction, instead of deleting the previous rows there: on H2 a DELETE writes every row whole
-- into the undo log and the commit visits each again (7.6 s and a 10 s commit for the national
-- registrations, so a second import took 26-28 s against 11 s for the first; docs/benchmarks.md,
-- session 14). The slot left behind is emptied after the commit (TableGenerations). Readers see
-- the same columns under the same names as before.
ALTER TABLE registration RENAME TO registration_1;
CREATE TABLE registration_2 (
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    patients BIGINT NOT NULL
);
CREATE TABLE registration_3 (
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    patients BIGINT NOT NULL
);
ALTER TABLE lsoa_value RENAME TO lsoa_value_1;
CREATE TABLE lsoa_value_2 (
    dataset VARCHAR(100) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    field VARCHAR(600) NOT NULL,
    num_value DOUBLE PRECISION,
    text_value VARCHAR(1000)
);
CREATE INDEX lsoa_value_2_idx ON lsoa_value_2(dataset, lsoa_code);
CREATE TABLE lsoa_value_3 (
    dataset VARCHAR(100) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    field VARCHAR(600) NOT NULL,
    num_value DOUBLE PRECISION,
    text_value VARCHAR(1000)
);
CREATE INDEX lsoa_value_3_idx ON lsoa_value_3(dataset, lsoa_code);
-- state: current (the one the view shows; exactly one per table), stale (left by the last writer),
-- emptying (being emptied after a commit, since changed_at), empty (ready for the next writer)
CREATE TABLE table_generation (
    table_name VARCHAR(64) NOT NULL,
    slot INTEGER NOT NULL,
    state VARCHAR(10) NOT NULL,
    changed_at VARCHAR(40),
    PRIMARY KEY (table_name, slot)
);
INSERT INTO table_generation (table_name, slot, state) VALUES
    ('registration', 1, 'current'), ('registration', 2, 'empty'), ('registration', 3, 'empty'),
    ('lsoa_value', 1, 'current'), ('lsoa_value', 2, 'empty'), ('lsoa_value', 3, 'empty');
CREATE VIEW registration AS
    SELECT practice_code, lsoa_code, patients FROM registration_1
        WHERE EXISTS (SELECT 1 FROM table_generation g WHERE g.table_name = 'registration' AND g.slot = 1 AND g.state = 'current')
    UNION ALL
    SELECT practice_code, lsoa_code, patients FROM registration_2
        WHERE EXISTS (SELECT 1 FROM table_generation g WHERE g.table_name = 'registration' AND g.slot = 2 AND g.state = 'current')
    UNION ALL
    SELECT practice_code, lsoa_code, patients FROM registration_3
        WHERE EXISTS (SELECT 1 FROM table_generation g WHERE g.table_name = 'registration' AND g.slot = 3 AND g.state = 'current');
CREATE VIEW lsoa_value AS
    SELECT dataset, lsoa_code, field, num_value, text_value FROM lsoa_value_1
        WHERE EXISTS (SELECT 1 FROM table_generation g WHERE g.table_name = 'lsoa_value' AND g.slot = 1 AND g.state = 'current')
    UNION ALL
    SELECT dataset, lsoa_code, field, num_value, text_value FROM lsoa_value_2
        WHERE EXISTS (SELECT 1 FROM table_generation g WHERE g.table_name = 'lsoa_value' AND g.slot = 2 AND g.state = 'current')
    UNION ALL
    SELECT dataset, lsoa_code, field, num_value, text_value FROM lsoa_value_3
        WHERE EXISTS (SELECT 1 FROM table_generation g WHERE g.table_name = 'lsoa_value' AND g.slot = 3 AND g.state = 'current');
