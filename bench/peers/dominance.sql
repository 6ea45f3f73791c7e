-- Dominant PCN per LSOA by the plurality rule, as an analyst would write it on the imported
-- tables (registration holds the region's rows only): practices with PCN "U" or none never win,
-- most patients wins, equal counts go to the lower PCN code (the database's collation is C).
WITH cell AS (
  SELECT r.lsoa_code, p.pcn_code, SUM(r.patients) AS n
  FROM registration r JOIN practice p ON p.code = r.practice_code
  WHERE p.pcn_code IS NOT NULL AND p.pcn_code NOT IN ('', 'U') AND r.patients > 0
  GROUP BY r.lsoa_code, p.pcn_code),
ranked AS (
  SELECT lsoa_code, pcn_code,
         ROW_NUMBER() OVER (PARTITION BY lsoa_code ORDER BY n DESC, pcn_code) AS rk
  FROM cell)
SELECT l.code AS lsoa_code, COALESCE(r.pcn_code, '') AS dominant_pcn_code
FROM lsoa l LEFT JOIN ranked r ON r.lsoa_code = l.code AND r.rk = 1
ORDER BY l.code
