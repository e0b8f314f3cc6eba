/**
 * Stage 4, where to intervene: for each indicator the areas inside the focus ranked by their gap to the
 * county and by their contribution to the county's gap with England (a bar chart of values against the
 * county, and the ranking table), then the differential targets each area is asked to reach. Findings
 * name the area with the largest gap, the one contributing most, and the largest improvement asked.
 */
import { barWithIntervals, formatNumber } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { EXAMPLE_TARGETS_NOTE } from "./forecast-data.ts";
import { NO_TARGETS } from "./forecast-section.ts";
import { inSentence, shortName, signedDifference } from "./pack-format.ts";
import { type Block, findTable, type PackSection, rowIndices, sectionShell } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

type Row = Record<string, unknown>;

function gapFinding(ranked: Row[], unit: string, level: string): string | null {
  const byGap = ranked.find((row) => row.rank_by_gap === 1 && numeric(row.gap_to_county) !== null);
  const byContribution = ranked.find(
    (row) => row.rank_by_contribution === 1 && numeric(row.contribution_to_county_gap) !== null,
  );
  if (!byGap) return null;
  const name = inSentence(shortName(String(byGap.indicator_name)));
  const gap = `${String(byGap.area_name)} has the largest gap to the county on ${name}: ${signedDifference(numeric(byGap.gap_to_county)!, unit)}`;
  const contribution = byContribution
    ? byContribution === byGap
      ? `, and contributes most to the county's gap with England (${formatNumber(numeric(byContribution.contribution_to_county_gap), 2)})`
      : `; ${String(byContribution.area_name)} contributes most to the county's gap with England (${formatNumber(numeric(byContribution.contribution_to_county_gap), 2)})`
    : "";
  return `${gap}${contribution}. (${ranked.length} ${level} ranked.)`;
}

/** Per target indicator: the area asked for the largest improvement (in the indicator's units). */
function targetFindings(rows: Row[]): string[] {
  const indicators = [...new Set(rows.map((row) => String(row.indicator)))];
  return indicators.flatMap((indicator) => {
    const differential = rows.filter(
      (row) =>
        row.indicator === indicator &&
        row.kind === "differential" &&
        numeric(row.required_change) !== null &&
        numeric(row.baseline),
    );
    if (differential.length === 0) return [];
    const size = (row: Row) => Math.abs(numeric(row.required_change)!);
    const biggest = differential.reduce((a, b) => (size(b) > size(a) ? b : a));
    const required = numeric(biggest.required_annual_change);
    const achieved = numeric(biggest.achieved_annual_change);
    const pace =
      required !== null
        ? `, ${formatNumber(required, 2)} a year${achieved !== null ? ` against ${formatNumber(achieved, 2)} a year achieved recently` : ""}`
        : "";
    const among =
      differential.length > 1
        ? `the largest improvement of the ${differential.length} areas shown is asked of ${String(biggest.area_name)}`
        : `${String(biggest.area_name)} is asked to improve`;
    return [
      `${shortName(String(biggest.indicator_name))}: ${among}, from ${formatNumber(numeric(biggest.baseline), 1)} in ${String(biggest.baseline_period)} to ${formatNumber(numeric(biggest.target), 1)} by ${String(biggest.target_period)}${pace}${biggest.example ? " (an example target)" : ""}.`,
    ];
  });
}

const LEVEL_WORDS: Record<string, string> = {
  lsoa11: "small areas",
  locality: "localities",
  district: "districts",
};

export function interventionSection(data: PackData): PackSection {
  const ranking = findTable(data, "gap-ranking");
  const blocks: Block[] = [];
  const findings: string[] = [];
  const level = LEVEL_WORDS[data.context.rankingLevel] ?? "areas";
  for (const info of data.indicators) {
    const rows = ranking?.rows.filter((row) => row.indicator === info.id) ?? [];
    const ranked = rows.filter((row) => row.role === "ranked");
    if (!ranking || ranked.length === 0) continue;
    const unit = String(info.unit ?? "");
    const county = numeric(ranked.find((row) => numeric(row.county_value) !== null)?.county_value);
    blocks.push({ kind: "heading", text: `${info.name}: ${level} ranked by gap` });
    blocks.push({
      kind: "chart",
      chart: barWithIntervals(
        ranked.map((row) => ({
          code: String(row.area_code),
          name: String(row.area_name),
          value: numeric(row.value),
        })),
        {
          id: `gap-${info.id}`,
          title: `${shortName(info.name)} in the ${level}, ${String(ranked[0]!.period)}, against ${data.context.county.name}`,
          unit: unit.startsWith("%") ? "%" : "",
          ...(county !== null ? { comparator: { label: data.context.county.name, value: county } } : {}),
          width: 680,
        },
      ),
    });
    blocks.push({
      kind: "table",
      table: ranking,
      rows: rowIndices(ranking, (row) => row.indicator === info.id),
      caption: `${info.name}: ${level} ranked by gap to the county (1 = worst)`,
      columns: [
        "area_name",
        "area_code",
        "numerator",
        "denominator",
        "value",
        "gap_to_county",
        "rank_by_gap",
        "contribution_to_county_gap",
        "rank_by_contribution",
      ],
    });
    const finding = gapFinding(ranked, unit, level);
    if (finding) findings.push(finding);
  }
  if (blocks.length === 0)
    blocks.push({
      kind: "notice",
      text: `No gap measures for the plan's indicators at the level of ${level}.`,
    });
  const targets = findTable(data, "differential-targets");
  blocks.push({ kind: "heading", text: "Differential targets" });
  if (targets) {
    if (targets.rows.some((row) => row.example === true))
      blocks.push({ kind: "notice", text: EXAMPLE_TARGETS_NOTE });
    blocks.push({ kind: "table", table: targets });
    findings.push(...targetFindings(targets.rows));
  } else {
    blocks.push({ kind: "notice", text: NO_TARGETS });
  }
  return { ...sectionShell(4), findings, blocks };
}
