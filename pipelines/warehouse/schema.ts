/**
 * The warehouse schema. Invariants stated here hold for every load:
 * - a missing or suppressed value is NULL with a `note`, never 0;
 * - every loaded row keeps its `source` id and `source_line` (1-based physical line of the record);
 * - every rejected row is in `reject` with its file, line, column, value and reason;
 * - `area_link` is a closure table: each area is linked directly to every ancestor (ward, locality,
 *   district, county, region, country), so a roll-up to any level is one join.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS source (
  id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  publisher VARCHAR NOT NULL,
  official_url VARCHAR NOT NULL,
  download_url VARCHAR,
  licence VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  geography_type VARCHAR NOT NULL,
  geography_vintage VARCHAR NOT NULL,
  period VARCHAR,
  illustrative BOOLEAN NOT NULL DEFAULT false,
  origin VARCHAR NOT NULL,          -- committed | cache | mirror | download
  origin_path VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  notes VARCHAR
);

CREATE TABLE IF NOT EXISTS reject (
  source VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line BIGINT,
  column_name VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS area (
  code VARCHAR NOT NULL,
  name VARCHAR,
  type VARCHAR NOT NULL,            -- lsoa01 | lsoa11 | lsoa21 | ward09 | ward19 | locality | priority | district | county | region | country
  vintage VARCHAR,
  illustrative BOOLEAN NOT NULL DEFAULT false,
  source VARCHAR NOT NULL,
  PRIMARY KEY (code, type)
);

CREATE TABLE IF NOT EXISTS area_link (
  child VARCHAR NOT NULL,
  child_type VARCHAR NOT NULL,
  parent VARCHAR NOT NULL,
  parent_type VARCHAR NOT NULL,
  weight DOUBLE NOT NULL,           -- 1 for nested and best-fit links; the apportioned share otherwise
  method VARCHAR NOT NULL,          -- nested | best-fit | apportioned | defined
  source VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS area_edge (
  child VARCHAR NOT NULL,
  child_type VARCHAR NOT NULL,
  parent VARCHAR NOT NULL,
  parent_type VARCHAR NOT NULL,
  weight DOUBLE NOT NULL,
  method VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  source_line BIGINT
);

CREATE TABLE IF NOT EXISTS area_bridge (
  from_code VARCHAR NOT NULL,
  from_type VARCHAR NOT NULL,
  to_code VARCHAR NOT NULL,
  to_type VARCHAR NOT NULL,
  change VARCHAR,                   -- ONS change indicator: U unchanged, S split, M merged, X irregular
  weight DOUBLE,                    -- share of the 'from' area assigned to the 'to' area, when known
  source VARCHAR NOT NULL,
  source_line BIGINT
);

CREATE TABLE IF NOT EXISTS boundary (
  area_code VARCHAR NOT NULL,
  area_type VARCHAR NOT NULL,
  vintage VARCHAR,
  name VARCHAR,
  centroid_lon DOUBLE,
  centroid_lat DOUBLE,
  geometry VARCHAR NOT NULL,        -- GeoJSON geometry (WGS84)
  source VARCHAR NOT NULL,
  source_line BIGINT
);

CREATE TABLE IF NOT EXISTS indicator (
  id VARCHAR PRIMARY KEY,
  ni_code VARCHAR,
  name VARCHAR NOT NULL,
  theme VARCHAR,
  polarity VARCHAR NOT NULL,        -- high-is-good | low-is-good | none
  value_type VARCHAR NOT NULL,      -- proportion | percentage | rate | count | score | ratio | mean | years | index
  multiplier DOUBLE NOT NULL DEFAULT 1,
  unit VARCHAR,
  definition VARCHAR,
  catalogued BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS indicator_source_name (
  source_name VARCHAR PRIMARY KEY,  -- the indicator's name in a source file
  indicator VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS observation_all_columns (
  indicator VARCHAR NOT NULL,
  area_code VARCHAR NOT NULL,
  area_type VARCHAR NOT NULL,
  period VARCHAR NOT NULL,          -- as published, e.g. 2017/18, 2016-18, 2019
  period_year DOUBLE,               -- first calendar year of the period, for ordering and trends
  sex VARCHAR NOT NULL DEFAULT 'Persons',
  age VARCHAR NOT NULL DEFAULT 'All ages',
  numerator DOUBLE,
  denominator DOUBLE,
  value DOUBLE,
  lower95 DOUBLE,
  upper95 DOUBLE,
  lower998 DOUBLE,
  upper998 DOUBLE,
  published_comparison VARCHAR,     -- the publisher's own benchmark label, when given
  note VARCHAR,
  source VARCHAR NOT NULL,
  source_line BIGINT
);

-- Long-format sources keep their rows in tables of their own, read in place by the observation view
-- (pipelines/warehouse/observation-store.ts); table_name lists those tables.
CREATE TABLE IF NOT EXISTS observation_part (
  source VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  select_sql VARCHAR NOT NULL       -- the part of the observation view that reads it
);

-- Every observation, whichever table holds it; rebuilt as sources load.
CREATE VIEW IF NOT EXISTS observation AS SELECT * FROM observation_all_columns;

CREATE TABLE IF NOT EXISTS population (
  area_code VARCHAR NOT NULL,
  area_type VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  age_band VARCHAR NOT NULL,        -- 'all' or a band such as 0-15, 16-64, 65+, or a single year of age
  sex VARCHAR NOT NULL DEFAULT 'Persons',
  population DOUBLE,
  note VARCHAR,
  source VARCHAR NOT NULL,
  source_line BIGINT
);

CREATE TABLE IF NOT EXISTS deprivation (
  edition INTEGER NOT NULL,
  lsoa VARCHAR NOT NULL,
  lsoa_type VARCHAR NOT NULL,       -- lsoa01 | lsoa11 | lsoa21
  domain VARCHAR NOT NULL,          -- imd | income | employment | education | health | crime | barriers | environment | sub-domains
  score DOUBLE,
  rank INTEGER,
  decile INTEGER,
  note VARCHAR,
  source VARCHAR NOT NULL,
  source_line BIGINT
);

CREATE TABLE IF NOT EXISTS target (
  indicator VARCHAR NOT NULL,
  area_code VARCHAR NOT NULL,
  baseline_period VARCHAR,
  baseline DOUBLE,
  target_period VARCHAR,
  target DOUBLE,
  kind VARCHAR NOT NULL,            -- laa | differential | floor
  method VARCHAR,
  parameters VARCHAR,               -- JSON
  example BOOLEAN NOT NULL DEFAULT true
);
`;

/** Tables a user sees first in `ntg query`, with a line on each (also printed by `ntg query --tables`). */
export const TABLE_DESCRIPTIONS: Record<string, string> = {
  source:
    "one row per loaded source: publisher, licence, sha256, where the file came from, rows loaded/rejected",
  reject: "every rejected row: source, file, line, column, value, reason",
  area: "every area by code and type (lsoa01/lsoa11/lsoa21/ward09/ward19/locality/priority/district/county/region/country)",
  area_link: "closure table: each area linked directly to every ancestor, with a weight (one join rolls up)",
  area_edge: "direct parent links as declared by the lookups (the input to area_link)",
  area_bridge: "links between vintages, e.g. 2001 LSOA → 2011 LSOA with the ONS change indicator",
  boundary: "GeoJSON boundaries with centroids",
  meta: "facts about this build: schema version, run id, build time, stage fingerprints",
  indicator: "the indicator catalogue: id, NI code, name, theme, polarity, value type, multiplier, unit",
  indicator_source_name: "the names indicators have in source files, mapped to catalogue ids",
  observation:
    "indicator values by area and period: numerator, denominator, value, CIs, note, source, source line (a view over the tables below)",
  observation_all_columns:
    "observations of the smaller sources, every column written (read them through observation)",
  observation_part:
    "the sources whose observations are in tables of their own (observation_of_<source>…), and how the observation view reads each",
  population: "population by area, period and age band",
  deprivation: "IoD editions: score, national rank and decile by LSOA and domain",
  target: "baselines and targets (LAA, differential, floor)",
};
