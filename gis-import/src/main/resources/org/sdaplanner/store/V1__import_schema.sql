-- Version 1: what an import loads. Same DDL for H2GIS and PostGIS; the dialect rewrites
-- CREATE SPATIAL INDEX for PostGIS (GiST).
CREATE TABLE import_run (
    id INTEGER PRIMARY KEY,
    region_id VARCHAR(100) NOT NULL,
    region_name VARCHAR(200) NOT NULL,
    default_areas INTEGER,
    imported_at VARCHAR(40) NOT NULL,
    report_json VARCHAR NOT NULL
);
CREATE TABLE source_file (
    role VARCHAR(100) PRIMARY KEY,
    path VARCHAR(1000) NOT NULL,
    format VARCHAR(40),
    vintage VARCHAR(200),
    title VARCHAR(1000),
    source_url VARCHAR(1000),
    licence VARCHAR(200),
    attribution VARCHAR(2000),
    row_count BIGINT NOT NULL
);
CREATE TABLE district (
    code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    geom GEOMETRY(MULTIPOLYGON, 27700)
);
CREATE TABLE lsoa (
    code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(200),
    district_code VARCHAR(20),
    geom GEOMETRY(MULTIPOLYGON, 27700) NOT NULL
);
CREATE SPATIAL INDEX lsoa_geom_idx ON lsoa(geom);
CREATE TABLE parish (
    code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(200),
    district_code VARCHAR(20),
    unparished BOOLEAN NOT NULL,
    geom GEOMETRY(MULTIPOLYGON, 27700) NOT NULL
);
CREATE SPATIAL INDEX parish_geom_idx ON parish(geom);
CREATE TABLE pcn (
    code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(300)
);
CREATE TABLE practice (
    code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(300),
    postcode VARCHAR(20),
    pcn_code VARCHAR(20),
    in_region BOOLEAN NOT NULL,
    geom GEOMETRY(POINT, 27700)
);
CREATE TABLE registration (
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    patients BIGINT NOT NULL,
    PRIMARY KEY (practice_code, lsoa_code)
);
CREATE TABLE unmatched_registration (
    source_row BIGINT NOT NULL,
    practice_code VARCHAR(20) NOT NULL,
    lsoa_code VARCHAR(40) NOT NULL,
    patients BIGINT NOT NULL,
    reason VARCHAR(200) NOT NULL
);
CREATE TABLE lsoa_population (
    lsoa_code VARCHAR(20) PRIMARY KEY,
    residents BIGINT NOT NULL
);
CREATE TABLE lsoa_lookup (
    lsoa11_code VARCHAR(20) NOT NULL,
    lsoa21_code VARCHAR(20) NOT NULL,
    change_code VARCHAR(2) NOT NULL,
    district_code VARCHAR(20)
);
CREATE TABLE pcn_catchment (
    pcn_code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(300),
    geom GEOMETRY(MULTIPOLYGON, 27700) NOT NULL
);
CREATE TABLE postcode (
    postcode VARCHAR(10) PRIMARY KEY,
    geom GEOMETRY(POINT, 27700) NOT NULL
);
CREATE TABLE lsoa_value (
    dataset VARCHAR(100) NOT NULL,
    lsoa_code VARCHAR(20) NOT NULL,
    field VARCHAR(300) NOT NULL,
    num_value DOUBLE PRECISION,
    text_value VARCHAR(1000)
);
CREATE INDEX lsoa_value_idx ON lsoa_value(dataset, lsoa_code);
