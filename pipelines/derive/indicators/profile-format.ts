/**
 * Turns an area's profile (header + indicator rows) into what `ntg profile` prints: a readable text table
 * (rounded numbers, "4 of 23" ranks, a header with parents, population and the definition note), or CSV /
 * JSON with every field at full precision for analysts.
 */
import { formatRows } from "../../util/format-table.ts";
import { formatCount } from "../../util/reporter.ts";
import type { ProfileArea } from "./profile-area.ts";
import type { ProfileRow } from "./profile-rows.ts";

const TYPE_LABEL: Record<string, string> = {
  locality: "locality",
  priority: "priority area",
  district: "district",
  county: "county",
  ward19: "ward (2019)",
};

/**
 * Rounds for display: 2 decimals below 1, 1 decimal below 1,000, whole numbers above. A value suppressed
 * by disclosure control (its marker, e.g. "*") is shown as it is.
 */
export function displayNumber(value: number | string | null | undefined): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const decimals = Math.abs(value) < 1 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  return value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function rankText(row: ProfileRow): string {
  if (row.rank_state === "no data") return "no data";
  const local = row.peer_rank !== null ? `${row.peer_rank} of ${row.peer_count}` : "";
  const national =
    row.national_rank !== null ? `${row.national_rank} of ${row.national_count} in England` : "";
  return local && national ? `${local} (${national})` : local || national;
}

/** The indicator's name cut to fit the table, keeping a sex suffix visible. */
function displayName(row: ProfileRow, width = 58): string {
  const suffix = row.sex === "Persons" ? "" : ` (${row.sex})`;
  const room = width - suffix.length;
  return (row.name.length > room ? `${row.name.slice(0, room - 1)}…` : row.name) + suffix;
}

export function headerLines(area: ProfileArea): string[] {
  const parents = [
    area.districtCode && area.type !== "district" ? `${area.districtName} (${area.districtCode})` : null,
    area.countyCode && area.type !== "county" ? `${area.countyName} (${area.countyCode})` : null,
  ].filter(Boolean);
  const lines = [
    `${area.name} (${area.code}): ${TYPE_LABEL[area.type] ?? area.type}${parents.length ? ` in ${parents.join(", ")}` : ""}`,
    area.population !== null
      ? `Population: ${formatCount(area.population)} (ONS mid-year estimate ${area.populationPeriod}, summed from 2011 LSOAs)`
      : "Population: no estimate (no 2011 LSOAs link to this area)",
  ];
  if (area.members.length > 0) lines.push(`${area.memberType}: ${area.members.join(", ")}`);
  if (area.illustrative) {
    lines.push(
      `Note: illustrative ${TYPE_LABEL[area.type]} definition, not an official boundary${area.definition ? ` (${area.definition})` : ""}`,
    );
  }
  return lines;
}

const LEGEND = `Benchmarks use the 95% confidence interval: "similar" when the comparator lies inside it. "not compared"
means the source publishes no interval (Fingertips extracts, Health Index) or there is no comparator value;
the publisher's own label vs England is shown where given. Rank 1 = best (highest when there is no polarity).`;

export function profileTable(area: ProfileArea, rows: readonly ProfileRow[]): string {
  const columns = [
    "indicator",
    "period",
    "value",
    "95% CI",
    "unit",
    "previous",
    "county",
    "England",
    "vs county",
    "vs England",
    "rank",
    "trend",
  ];
  const cells = rows.map((row) => [
    displayName(row),
    row.period,
    displayNumber(row.value),
    row.lower95 !== null ? `${displayNumber(row.lower95)}–${displayNumber(row.upper95)}` : "",
    (row.unit ?? "").slice(0, 24),
    row.previous_value !== null ? `${displayNumber(row.previous_value)} (${row.previous_period})` : "",
    displayNumber(row.county_value),
    displayNumber(row.england_value),
    row.benchmark_county ?? "",
    row.benchmark_england === "not compared" && row.published_comparison
      ? `${row.published_comparison.toLowerCase()} (published)`
      : (row.benchmark_england ?? ""),
    rankText(row),
    row.trend_label === "cannot be calculated" ? "n/a" : row.trend_label,
  ]);
  return `${headerLines(area).join("\n")}\n\n${formatRows("table", columns, cells)}${LEGEND}\n`;
}

export const PROFILE_FIELDS = [
  "theme",
  "indicator",
  "name",
  "unit",
  "polarity",
  "period",
  "sex",
  "age",
  "value",
  "lower95",
  "upper95",
  "previous_period",
  "previous_value",
  "numerator",
  "denominator",
  "county_value",
  "england_value",
  "gap_to_county",
  "gap_to_england",
  "benchmark_county",
  "benchmark_england",
  "benchmark_county_5",
  "benchmark_england_5",
  "published_comparison",
  "peer_group",
  "peer_rank",
  "peer_count",
  "rank_state",
  "national_rank",
  "national_count",
  "trend_label",
  "trend_note",
  "benchmark_note",
  "source",
  "note",
] as const;

export function profileCsv(area: ProfileArea, rows: readonly ProfileRow[]): string {
  const columns = ["area_code", "area_name", "area_type", ...PROFILE_FIELDS];
  return formatRows(
    "csv",
    columns,
    rows.map((row) => [area.code, area.name, area.type, ...PROFILE_FIELDS.map((field) => row[field])]),
  );
}

export function profileJson(area: ProfileArea, rows: readonly ProfileRow[]): string {
  const indicators = rows.map((row) =>
    Object.fromEntries(PROFILE_FIELDS.map((field) => [field, row[field]])),
  );
  return `${JSON.stringify({ area, indicators }, null, 2)}\n`;
}
