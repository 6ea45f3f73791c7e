-- Version 8: data releases. The registrations, the practice -> PCN map and the populations come in
-- releases (NHS England publishes registrations every quarter; PCNs are reorganised). Each release is
-- kept whole in the release_* tables; the current one is also in the tables everything else reads
-- (registration, practice, pcn, lsoa_population, unmatched_registration, source_file), so making
-- another release current is a copy in one transaction and no other query changes. A store made
-- before releases gets its import as the release 'initial', current.
CREATE TABLE data_release (
    label VARCHAR(100) PRIMARY KEY,
    position INTEGER NOT NULL,
    imported_at VARCHAR(40) NOT NULL,
    is_current BOOLEAN NOT NULL,
    report_json VARCHAR NOT NULL
);
CREATE TABLE release_pcn (
    release_label VARCHAR(100) NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(300),
    PRIMARY KEY (release_label, code)
);
CREATE TABLE release_practice (
    release_label VARCHAR(100) NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(300),
    postcode VARCHAR(20),
    pcn_code VARCHAR(20),
    in_region BOOLEAN NOT NULL,
    geom GEOMETRY(POINT, 27700),
    PRIMARY KEY (release_label, code)
);
CREATE TABLE release_registration (
    release_label VARCHAR(100) NOT NULL,
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    patients BIGINT NOT NULL,
    PRIMARY KEY (release_label, practice_code, lsoa_code)
);
CREATE TABLE release_unmatched (
    release_label VARCHAR(100) NOT NULL,
    source_row BIGINT NOT NULL,
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(40) NOT NULL,
    patients BIGINT NOT NULL,
    reason VARCHAR(200) NOT NULL
);
CREATE TABLE release_population (
    release_label VARCHAR(100) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    residents BIGINT NOT NULL,
    PRIMARY KEY (release_label, lsoa_code)
);
CREATE TABLE release_source (
    release_label VARCHAR(100) NOT NULL,
    role VARCHAR(100) NOT NULL,
    path VARCHAR(1000) NOT NULL,
    format VARCHAR(40),
    vintage VARCHAR(200),
    title VARCHAR(1000),
    source_url VARCHAR(1000),
    licence VARCHAR(200),
    attribution VARCHAR(2000),
    row_count BIGINT NOT NULL,
    PRIMARY KEY (release_label, role)
);
INSERT INTO data_release (label, position, imported_at, is_current, report_json)
    SELECT 'initial', 1, imported_at, TRUE, '{}' FROM import_run;
INSERT INTO release_pcn (release_label, code, name)
    SELECT 'initial', code, name FROM pcn WHERE EXISTS (SELECT 1 FROM import_run);
INSERT INTO release_practice (release_label, code, name, postcode, pcn_code, in_region, geom)
    SELECT 'initial', code, name, postcode, pcn_code, in_region, geom FROM practice WHERE EXISTS (SELECT 1 FROM import_run);
INSERT INTO release_registration (release_label, practice_code, lsoa_code, patients)
    SELECT 'initial', practice_code, lsoa_code, patients FROM registration WHERE EXISTS (SELECT 1 FROM import_run);
INSERT INTO release_unmatched (release_label, source_row, practice_code, lsoa_code, patients, reason)
    SELECT 'initial', source_row, practice_code, lsoa_code, patients, reason FROM unmatched_registration
    WHERE EXISTS (SELECT 1 FROM import_run);
INSERT INTO release_population (release_label, lsoa_code, residents)
    SELECT 'initial', lsoa_code, residents FROM lsoa_population WHERE EXISTS (SELECT 1 FROM import_run);
INSERT INTO release_source (release_label, role, path, format, vintage, title, source_url, licence, attribution, row_count)
    SELECT 'initial', role, path, format, vintage, title, source_url, licence, attribution, row_count FROM source_file
    WHERE role IN ('registrations', 'practice_map', 'lsoa_population', 'practice_locations')
    AND EXISTS (SELECT 1 FROM import_run);
