-- Hand-written DuckDB SQL for the benchmark's "load + aggregate" work, the yardstick for the pipeline
-- (issue 9: pipeline load + aggregation within 1.5x of this). What a DuckDB user would write by hand:
-- read the file with typed columns (no per-row validation, no reject table, no provenance), sum to
-- districts, roll districts up to counties and England, and compute the 95% Wilson interval in SQL.
-- {{observations}}, {{lookup}} and {{hierarchy}} are replaced by quoted file paths (scripts/bench).
CREATE TABLE observation AS
SELECT * FROM read_csv({{observations}}, header = true, columns = {
  'indicator': 'VARCHAR', 'area_code': 'VARCHAR', 'period': 'VARCHAR', 'numerator': 'DOUBLE', 'denominator': 'DOUBLE'});

CREATE TABLE lookup AS SELECT * FROM read_csv({{lookup}}, header = true, all_varchar = true);
CREATE TABLE hierarchy AS SELECT * FROM read_csv({{hierarchy}}, header = true, all_varchar = true);

CREATE TABLE aggregate AS
WITH by_district AS (
  SELECT o.indicator, l.district_code AS area_code, o.period,
         sum(o.numerator) AS numerator, sum(o.denominator) AS denominator
  FROM observation o JOIN lookup l ON l.lsoa_code = o.area_code
  GROUP BY ALL
), areas AS (
  SELECT indicator, area_code, 'district' AS area_type, period, numerator, denominator FROM by_district
  UNION ALL
  SELECT d.indicator, h.CTY19CD, 'county', d.period, sum(d.numerator), sum(d.denominator)
  FROM by_district d JOIN hierarchy h ON h.LAD19CD = d.area_code
  WHERE h.CTY19CD IS NOT NULL
  GROUP BY ALL
  UNION ALL
  SELECT indicator, 'E92000001', 'country', period, sum(numerator), sum(denominator) FROM by_district GROUP BY ALL
), z AS (SELECT 1.959963984540054 AS z)
SELECT a.*, a.numerator / a.denominator AS value,
       (2 * a.numerator + z * z - z * sqrt(z * z + 4 * a.numerator * (1 - a.numerator / a.denominator))) / (2 * (a.denominator + z * z)) AS lower95,
       (2 * a.numerator + z * z + z * sqrt(z * z + 4 * a.numerator * (1 - a.numerator / a.denominator))) / (2 * (a.denominator + z * z)) AS upper95
FROM areas a, z;

CHECKPOINT;
