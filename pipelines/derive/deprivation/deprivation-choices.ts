/**
 * Checks the choices a user makes in `ntg deprivation` — level, index, edition, area — against what the
 * warehouse holds, with messages that list the valid values.
 */
import { UsageError } from "../../../models/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { OFFICIAL_INDEX_ID } from "./local-index-config.ts";

/** `--level` words → area types (`ward` means the 2019 wards the localities are built from). */
const LEVELS: Record<string, string> = {
  ward: "ward19",
  ward19: "ward19",
  locality: "locality",
  priority: "priority",
  district: "district",
  county: "county",
  region: "region",
  country: "country",
  lsoa: "lsoa11",
  lsoa11: "lsoa11",
  lsoa01: "lsoa01",
  lsoa21: "lsoa21",
};

export function resolveLevel(level: string): string {
  const areaType = LEVELS[level];
  if (!areaType) {
    throw new UsageError(`--level ${level}: unknown level`, `Levels: ${Object.keys(LEVELS).join(", ")}.`);
  }
  return areaType;
}

/**
 * Checks that `indexId` exists and (for a local index) belongs to `edition`; returns whether it is an
 * example index.
 */
export async function checkIndex(
  warehouse: Warehouse,
  indexId: string,
  edition: number,
): Promise<{ example: boolean }> {
  const indices = await warehouse.rows<{ index_id: string; edition: number | null; example: boolean }>(
    "SELECT index_id, edition, example FROM deprivation_index ORDER BY index_id",
  );
  const index = indices.find((row) => row.index_id === indexId);
  if (!index) {
    throw new UsageError(
      `--index ${indexId}: no such index`,
      `Indices: ${indices.map((row) => (row.edition ? `${row.index_id} (${row.edition})` : row.index_id)).join(", ")}. ` +
        "Local indices are defined in sources/indices/*.yaml and computed by `ntg run`.",
    );
  }
  if (index.edition !== null && index.edition !== edition) {
    throw new UsageError(
      `--index ${indexId} is built from the ${index.edition} domain ranks; --edition ${edition} does not match`,
      `Use --edition ${index.edition}.`,
    );
  }
  return { example: index.example };
}

/** Checks that population-weighted summaries exist for the edition (and index). */
export async function checkSummaryEdition(
  warehouse: Warehouse,
  edition: number,
  indexId: string,
): Promise<void> {
  const editions = await warehouse.rows<{ edition: number }>(
    "SELECT DISTINCT edition FROM deprivation_summary WHERE index_id = $1 ORDER BY edition",
    [indexId],
  );
  if (!editions.some((row) => row.edition === edition)) {
    const known = editions.map((row) => row.edition).join(", ") || "none";
    throw new UsageError(
      `no deprivation summaries for edition ${edition}${indexId === OFFICIAL_INDEX_ID ? "" : ` of index ${indexId}`} (summaries: ${known})`,
      "Summaries need LSOA populations, which the sources hold for 2011 LSOAs only. For 2004–2025 use " +
        "`ntg deprivation --trend` (national ranks), or an LSOA level (--level lsoa01|lsoa11|lsoa21).",
    );
  }
}

/**
 * The default `--within`: the county holding the configured localities (Warwickshire, E10000031, with
 * the default sources); England (E92000001) when no localities are configured.
 *
 * @throws {UsageError} when localities lie in more than one county.
 */
export async function defaultWithin(warehouse: Warehouse): Promise<string> {
  const counties = await warehouse.rows<{ parent: string }>(
    "SELECT DISTINCT parent FROM area_link WHERE child_type = 'locality' AND parent_type = 'county' ORDER BY 1",
  );
  if (counties.length === 1) return counties[0]!.parent;
  if (counties.length === 0) return "E92000001";
  throw new UsageError(
    `the configured localities lie in ${counties.length} counties (${counties.map((c) => c.parent).join(", ")})`,
    "Name the area with --within CODE, e.g. --within E10000031.",
  );
}

/** The area `code` (its type and name), or a usage error naming the code. */
export async function describeArea(
  warehouse: Warehouse,
  code: string,
): Promise<{ type: string; name: string }> {
  const [area] = await warehouse.rows<{ type: string; name: string }>(
    `SELECT type, coalesce(name, code) AS name FROM area WHERE code = $1
     ORDER BY CASE type WHEN 'country' THEN 0 WHEN 'region' THEN 1 WHEN 'county' THEN 2 ELSE 3 END LIMIT 1`,
    [code],
  );
  if (!area) {
    throw new UsageError(
      `--within ${code}: no such area in the warehouse`,
      "Use an area code such as E92000001 (England), E10000031 (Warwickshire) or E07000222 (Warwick); " +
        `ntg query "select code, name, type from area where name ilike '%warw%'" finds codes.`,
    );
  }
  return area;
}
