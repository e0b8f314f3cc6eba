/**
 * The derived allocation tables, written by the allocation derive step (which replaces them, so it can be
 * re-run). Invariants: for each scenario, Σ amount over its rows equals its pot exactly to the penny;
 * every amount is ≥ 0; `inputs_json` holds everything needed to rerun the scenario with the pure models
 * (`allocate(inputs.pot, inputs.recipients, inputs.rule)`), in the browser as well.
 */
export const ALLOCATION_TABLES_SQL = `
CREATE OR REPLACE TABLE allocation_scenario (
  scenario_id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  description VARCHAR,
  recipients VARCHAR NOT NULL,      -- e.g. "districts of E10000031"
  rule VARCHAR NOT NULL,            -- one line, e.g. "need-weighted: income-deprived-people, floor £100,000"
  rule_kind VARCHAR NOT NULL,
  population VARCHAR NOT NULL,      -- population period, e.g. mid-2015
  baseline_id VARCHAR,
  pot DOUBLE NOT NULL,
  rounding_unit DOUBLE NOT NULL,
  damping_factor DOUBLE,
  notes VARCHAR,                    -- the model's notes, joined with "; "
  definition_file VARCHAR,
  inputs_json VARCHAR NOT NULL      -- AllocationInputs as JSON (pot, rule, recipients with need measures)
);
CREATE OR REPLACE TABLE allocation (
  scenario_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,        -- recipient order (code order)
  code VARCHAR NOT NULL,
  name VARCHAR,
  area_type VARCHAR NOT NULL,
  illustrative BOOLEAN NOT NULL,
  amount DOUBLE NOT NULL,
  share DOUBLE NOT NULL,
  per_head DOUBLE NOT NULL,
  per_deprived_person DOUBLE,
  target_amount DOUBLE,
  distance_from_target DOUBLE,
  change_from_baseline DOUBLE
);`;

/** Descriptions for `ntg query --tables` users. */
export const ALLOCATION_TABLE_DESCRIPTIONS: Record<string, string> = {
  allocation_scenario: "allocation scenarios (sources/scenarios): pot, rule, baseline, notes, inputs as JSON",
  allocation:
    "each built-in scenario's amount per recipient: £, share, £ per head, target, change vs baseline",
};
