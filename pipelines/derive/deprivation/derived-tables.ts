/**
 * The derived deprivation tables, created by the derive steps themselves (each step replaces its own
 * tables, so a step can be re-run). Invariants are stated with each table.
 */

/**
 * `deprivation_index`: the indices summaries can be asked for — the official IMD (`imd`, every edition)
 * and each local index from sources/indices/*.yaml.
 * `deprivation_local_index`: one row per local index and LSOA of its edition, with the score, the national
 * rank among all LSOAs of England (1 = most deprived, ties share the minimum rank) and decile ceil(10·rank/N).
 */
export const LOCAL_INDEX_TABLES_SQL = `
CREATE OR REPLACE TABLE deprivation_index (
  index_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  edition INTEGER,                  -- NULL for the official IMD (all editions)
  description VARCHAR,
  example BOOLEAN NOT NULL,         -- an example shipped with the project, not an agreed index
  weights VARCHAR NOT NULL,         -- JSON: domain -> weight
  definition_file VARCHAR
);
CREATE OR REPLACE TABLE deprivation_local_index (
  index_id VARCHAR NOT NULL,
  edition INTEGER NOT NULL,
  lsoa VARCHAR NOT NULL,
  lsoa_type VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  rank INTEGER NOT NULL,
  decile INTEGER NOT NULL
);`;

/**
 * `lsoa21_best_fit`: each 2021 LSOA with a boundary, the 2011 LSOA it is matched to and how
 * (containment of its representative point, or the nearest 2011 LSOA as the fallback). The matched
 * 2011 LSOA's parents are copied into `area_link` as child_type 'lsoa21', method 'best-fit', weight 1.
 */
export const BEST_FIT_TABLE_SQL = `
CREATE OR REPLACE TABLE lsoa21_best_fit (
  lsoa21 VARCHAR NOT NULL,
  lsoa11 VARCHAR NOT NULL,
  rule VARCHAR NOT NULL,            -- containment | nearest
  point_lon DOUBLE NOT NULL,        -- the 2021 LSOA's representative point
  point_lat DOUBLE NOT NULL,
  distance_km DOUBLE                -- for rule 'nearest': to the 2011 LSOA's representative point
);`;

/** Source id recorded on the area_link rows the best-fit step writes. */
export const BEST_FIT_LINK_SOURCE = "derive:lsoa21-best-fit";

/** Descriptions for `ntg query --tables` users (and the folder README). */
export const DEPRIVATION_TABLE_DESCRIPTIONS: Record<string, string> = {
  deprivation_index:
    "indices available to the summaries: the official IMD and local indices (sources/indices)",
  deprivation_local_index: "local index score, national rank and decile per LSOA",
  lsoa21_best_fit:
    "2021 LSOA → 2011 LSOA best-fit match (containment or nearest) behind the lsoa21 area links",
  deprivation_summary:
    "deprivation summaries per edition, index and area (ward19 … country): average score, extent, …",
  deprivation_trend:
    "per area and IMD edition 2004–2025: LSOAs and people in the most deprived 10%/20%, relative position",
};
