-- Version 11: the live registration table loses its primary key. The importer already refuses a second
-- row for the same practice and LSOA (RegistrationLoader), and releases come from release_registration,
-- which keeps its key; maintaining the index cost about a quarter of a national import on H2 (19.7-20.4 s
-- without it against 25.9-26.7 s with it, docs/benchmarks.md) and no query looks a row up by it.
-- Remade rather than altered because H2 and PostgreSQL drop a primary key with different syntax.
CREATE TABLE registration_v11 (
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    patients BIGINT NOT NULL
);
INSERT INTO registration_v11 (practice_code, lsoa_code, patients)
    SELECT practice_code, lsoa_code, patients FROM registration;
DROP TABLE registration;
ALTER TABLE registration_v11 RENAME TO registration;
