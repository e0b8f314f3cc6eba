/** One line on every warehouse table, loaded or derived, for `ntg query --tables` and the README. */
import { ALLOCATION_TABLE_DESCRIPTIONS } from "../allocation/allocation-tables.ts";
import { TARGET_TABLE_DESCRIPTIONS } from "../targets/target-tables.ts";
import { TABLE_DESCRIPTIONS } from "../warehouse/schema.ts";
import { DEPRIVATION_TABLE_DESCRIPTIONS } from "./deprivation/derived-tables.ts";
import { INDICATOR_TABLE_DESCRIPTIONS } from "./indicators/index.ts";
import { NATIONAL_TABLE_DESCRIPTIONS } from "./national/index.ts";

export const ALL_TABLE_DESCRIPTIONS: Record<string, string> = {
  ...TABLE_DESCRIPTIONS,
  ...DEPRIVATION_TABLE_DESCRIPTIONS,
  ...INDICATOR_TABLE_DESCRIPTIONS,
  ...ALLOCATION_TABLE_DESCRIPTIONS,
  ...TARGET_TABLE_DESCRIPTIONS,
  ...NATIONAL_TABLE_DESCRIPTIONS,
  exception_report:
    "the latest quarterly exception report: one row per exception per level and group (county board, theme groups, district partnerships), 'no exceptions' rows for empty groups",
};

/**
 * The description of a warehouse table, including the tables a long-format source keeps its rows in
 * (`observation_of_<source>` and the small tables beside it, `observation_of_<source>__<what>`; a source id
 * never gives two underscores in a row).
 */
export function describeTable(name: string): string {
  const known = ALL_TABLE_DESCRIPTIONS[name];
  if (known !== undefined) return known;
  if (!name.startsWith("observation_of_")) return "";
  const kept: [string, string][] = [
    [
      "__indicators",
      "the catalogue indicator of each indicator name in one source's file (used by the observation view)",
    ],
    ["__areas", "the area type of each area code in one source's file (used by the observation view)"],
    [
      "__rejected",
      "the lines of one source's file that were rejected (the observation view leaves them out)",
    ],
    ["__segments", "where one source's file has multi-line records: the line offset of each run of rows"],
    [
      "__text_rows",
      'one source\'s rows with a count that is not a plain number (a marker, "1,296"), read as text with their lines',
    ],
  ];
  for (const [suffix, description] of kept) {
    if (name.endsWith(suffix)) return description;
  }
  return "one source's rows as read from its file, typed (read them through the observation view)";
}
