-- The parish x LSOA overlay: every intersecting pair and the area of its intersection in m²
-- (geometries are stored in EPSG:27700), the query EngineVsPostgis times.
SELECT l.code AS lsoa_code, p.code AS parish_code, ST_Area(ST_Intersection(l.geom, p.geom)) AS area_m2
FROM lsoa l JOIN parish p ON ST_Intersects(l.geom, p.geom)
