/**
 * Stage 4 (which interventions, where), the numbers: the areas inside the plan's focus — its localities or
 * districts, or the small areas of a priority area — ranked for each indicator by their gap to the county
 * and by their contribution to the county's gap with England (population share × gap; METHODS.md §4), with
 * the counts behind each value. The area they make up is the table's total row, so disclosure control can
 * protect small-area counts against subtraction from it.
 */
import { quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, indicatorCellKey, type PackTable } from "./pack-table.ts";

const COMPUTED_FROM_COUNTS = [
  "value",
  "gap_to_county",
  "relative_gap_to_county",
  "gap_to_england",
  "contribution_to_county_gap",
  "rank_by_gap",
  "rank_by_contribution",
];

/** The areas ranked and the area(s) they add up to. */
function rankingScope(context: PackContext): { members: string; totals: string[] } {
  const focus = sqlList(context.focus.map((area) => area.code));
  if (context.rankingLevel === "lsoa11")
    return {
      members: `SELECT child AS code, parent AS part_of, weight FROM area_link WHERE child_type = 'lsoa11' AND parent IN ${focus}`,
      totals: context.focus.map((area) => area.code),
    };
  const partOf = context.plan.focus.level === "county" ? context.county.code : context.headline.code;
  const level = quoteLiteral(context.rankingLevel);
  const codes =
    context.plan.focus.level === "county"
      ? `SELECT DISTINCT child FROM area_link WHERE parent = ${quoteLiteral(context.county.code)} AND child_type = ${level}`
      : `SELECT code FROM area WHERE type = ${level} AND code IN ${focus}`;
  return {
    members: `SELECT code, ${quoteLiteral(partOf)} AS part_of, 1.0 AS weight FROM (${codes}) c(code)`,
    totals: [partOf],
  };
}

export async function gapRankingTable(warehouse: Warehouse, context: PackContext): Promise<PackTable | null> {
  if (!hasTables(context.tables, "indicator_gap", "indicator_value", "indicator")) return null;
  const scope = rankingScope(context);
  const rows = await warehouse.rows(
    `WITH members AS (${scope.members})
     SELECT g.indicator, i.name AS indicator_name, i.polarity, g.area_code, coalesce(a.name, g.area_code) AS area_name,
            g.area_set AS area_type, g.period, m.part_of, m.weight, v.numerator, v.denominator, g.value,
            g.gap_to_county, g.relative_gap_to_county, g.gap_to_england, g.contribution_to_county_gap,
            g.population_share, g.county_value, g.england_value, false AS is_total
     FROM indicator_gap g JOIN members m ON m.code = g.area_code
     JOIN indicator i ON i.id = g.indicator
     LEFT JOIN area a ON a.code = g.area_code AND a.type = g.area_set
     LEFT JOIN indicator_value v ON v.indicator = g.indicator AND v.area_code = g.area_code AND v.area_type = g.area_set
       AND v.period = g.period AND v.sex = g.sex AND v.age = g.age
     WHERE g.area_set = $1 AND g.indicator IN ${sqlList(context.plan.indicators)} AND g.sex = 'Persons'`,
    [context.rankingLevel],
  );
  if (rows.length === 0) return null;
  const totals = await warehouse.rows(
    `SELECT v.indicator, v.area_code, coalesce(a.name, v.area_code) AS area_name, v.area_type, v.period,
            v.numerator, v.denominator, v.value, true AS is_total
     FROM indicator_value v LEFT JOIN area a ON a.code = v.area_code AND a.type = v.area_type
     WHERE v.area_code IN ${sqlList(scope.totals)} AND v.area_type IN ('priority', 'locality', 'district', 'county')
       AND v.sex = 'Persons' AND (v.indicator, v.period) IN ${periodPairs(rows)}`,
  );
  const ranked = context.plan.indicators.flatMap((indicator) => {
    const members = rankMembers(rows.filter((row) => row.indicator === indicator));
    const total = totals.filter((row) => row.indicator === indicator);
    return [
      ...total.map((row) => ({ ...row, indicator_name: members[0]?.indicator_name, role: "total" })),
      ...members,
    ];
  });
  return {
    id: "gap-ranking",
    title: `Where the gap is: ${context.rankingLevel === "lsoa11" ? "small areas" : `${context.rankingLevel === "district" ? "districts" : "localities"}`} ranked by gap to the county and contribution to the county gap`,
    description:
      "For each indicator, at its latest period: the areas ranked from worst (1) by their gap to the county value (area − county, by polarity) and by their contribution to the county's gap with England (the area's population share × its gap to England; the contributions add up to the county's gap). The first row is the area they make up. Counts from 1 to 4 and everything computed from them are suppressed.",
    columns: [
      col("indicator_name", "Indicator"),
      col("indicator", "Indicator id", "text", { show: false }),
      col("area_name", "Area"),
      col("area_code", "Code"),
      col("area_type", "Type", "text", { show: false }),
      col("role", "Role", "text", { show: false }),
      col("period", "Period", "text", { show: false }),
      col("numerator", "Count", "count"),
      col("denominator", "Denominator", "count"),
      col("value", "Value", "value"),
      col("gap_to_county", "Gap to county", "value"),
      col("rank_by_gap", "Rank by gap", "number", { decimals: 0 }),
      col("contribution_to_county_gap", "Contribution to county gap", "number", { decimals: 3 }),
      col("rank_by_contribution", "Rank by contribution", "number", { decimals: 0 }),
      col("relative_gap_to_county", "Relative gap to county", "share", { show: false }),
      col("gap_to_england", "Gap to England", "value", { show: false }),
      col("population_share", "Population share", "share", { show: false }),
      col("county_value", "County", "value", { show: false }),
      col("england_value", "England", "value", { show: false }),
      col("part_of", "Part of", "text", { show: false }),
      col("weight", "Weight in total", "number", { show: false }),
    ],
    rows: ranked,
    totals: [
      {
        kind: "rows",
        columns: ["numerator", "denominator"],
        partOf: (row) => (row.is_total ? null : `${String(row.indicator)}|${String(row.part_of)}`),
        totalOf: (row) => (row.is_total ? `${String(row.indicator)}|${String(row.area_code)}` : null),
        weight: (row) => (typeof row.weight === "number" ? row.weight : 1),
      },
    ],
    dependents: [
      ...COMPUTED_FROM_COUNTS.map((column) => ({ column, from: ["numerator", "denominator"] })),
      { column: "population_share", from: ["denominator"] },
    ],
    cellKey: indicatorCellKey,
    htmlRowLimit: 60,
  };
}

function periodPairs(rows: readonly Record<string, unknown>[]): string {
  const pairs = [...new Set(rows.map((row) => JSON.stringify([row.indicator, row.period])))].map(
    (pair) => JSON.parse(pair) as [string, string],
  );
  return `(${pairs.map(([indicator, period]) => `(${quoteLiteral(indicator)}, ${quoteLiteral(period)})`).join(", ")})`;
}

/** Ranks by gap and by contribution, worst first by the indicator's polarity (higher first without one). */
function rankMembers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const worseFirst = (column: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const sign = a.polarity === "high-is-good" ? 1 : -1;
    const x = a[column] as number | null;
    const y = b[column] as number | null;
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return sign * (x - y) || String(a.area_code).localeCompare(String(b.area_code));
  };
  const rankOf = (column: string) =>
    new Map(
      [...rows].sort(worseFirst(column)).map((row, index) => [row, row[column] === null ? null : index + 1]),
    );
  const byGap = rankOf("gap_to_county");
  const byContribution = rankOf("contribution_to_county_gap");
  return rows
    .map((row) => ({
      ...row,
      role: "ranked",
      rank_by_gap: byGap.get(row),
      rank_by_contribution: byContribution.get(row),
    }))
    .sort((a, b) => Number(a.rank_by_gap ?? 1e9) - Number(b.rank_by_gap ?? 1e9));
}
