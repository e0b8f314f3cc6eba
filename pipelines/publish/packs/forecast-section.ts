/**
 * Stage 3, forecast against target: the county targets (labelled when they are the shipped examples),
 * each target indicator's series for the headline area with its target and forecast, and the status of
 * every area's forecast (on track / at risk / off track). Without target tables, or without targets for
 * the plan's indicators, the section says plainly that there are none.
 */
import { formatNumber } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { areasOfInterest, forecastChart } from "./forecast-chart.ts";
import { EXAMPLE_TARGETS_NOTE } from "./forecast-data.ts";
import { shortName } from "./pack-format.ts";
import { type Block, findTable, type PackSection, rowIndices, sectionShell } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

type Row = Record<string, unknown>;

export const NO_TARGETS = "No targets configured for these indicators.";

const FORECAST_COLUMNS = [
  "area_name",
  "latest_period",
  "latest",
  "target_period",
  "target",
  "projected",
  "projected_lower",
  "projected_upper",
  "status",
  "required_annual_change",
  "achieved_annual_change",
  "gap_projected_to_narrow",
];

function statusFindings(data: PackData, forecasts: Row[]): string[] {
  const counts = new Map<string, number>();
  for (const row of forecasts) counts.set(String(row.status), (counts.get(String(row.status)) ?? 0) + 1);
  const summary = [...counts].map(([status, count]) => `${count} ${status}`).join(", ");
  const findings = [`Of ${forecasts.length} forecasts against target: ${summary}.`];
  for (const indicator of data.context.plan.targets) {
    const rows = forecasts.filter((row) => row.indicator === indicator);
    for (const code of areasOfInterest(data, rows)) {
      const row = rows.find((candidate) => candidate.area_code === code)!;
      const projected = numeric(row.projected);
      const target = numeric(row.target);
      const latest = `latest ${formatNumber(numeric(row.latest), 1)} in ${String(row.latest_period)}`;
      if (projected === null || target === null) {
        if (target !== null)
          findings.push(
            `${shortName(String(row.indicator_name))}: ${String(row.area_name)} has ${row.example ? "an example" : "a"} target of ${formatNumber(target, 1)} by ${String(row.target_period)} (${latest}); the forecast ${String(row.status)}.`,
          );
        continue;
      }
      const narrowing =
        row.gap_projected_to_narrow === true
          ? " The gap to the county is projected to narrow."
          : row.gap_projected_to_narrow === false
            ? " The gap to the county is not projected to narrow."
            : "";
      findings.push(
        `${shortName(String(row.indicator_name))}: ${String(row.area_name)} is projected at ${formatNumber(projected, 1)} in ${String(row.target_period)} against ${row.example ? "an example" : "a"} target of ${formatNumber(target, 1)} (${latest}): ${String(row.status)}.${narrowing}`,
      );
    }
  }
  return findings;
}

export function forecastSection(data: PackData): PackSection {
  const targets = findTable(data, "targets");
  const forecasts = findTable(data, "forecasts");
  if (!targets && !forecasts) {
    const why =
      data.context.plan.targets.length === 0
        ? "The plan names no target indicators."
        : `The warehouse holds no targets or forecasts for ${data.context.plan.targets.join(", ")}.`;
    return {
      ...sectionShell(3),
      findings: [NO_TARGETS],
      blocks: [{ kind: "notice", text: `${NO_TARGETS} ${why}` }],
    };
  }
  const blocks: Block[] = [];
  const example = [...(targets?.rows ?? []), ...(forecasts?.rows ?? [])].some((row) => row.example === true);
  if (example) blocks.push({ kind: "notice", text: EXAMPLE_TARGETS_NOTE });
  if (targets) blocks.push({ kind: "table", table: targets });
  for (const indicator of data.context.plan.targets) {
    const rows = forecasts?.rows.filter((row) => row.indicator === indicator) ?? [];
    if (rows.length === 0) continue;
    const chartArea = areasOfInterest(data, rows)[0];
    blocks.push({ kind: "heading", text: String(rows[0]!.indicator_name) });
    if (chartArea) blocks.push(...forecastChart(data, indicator, rows, chartArea));
    blocks.push({
      kind: "table",
      table: forecasts!,
      rows: rowIndices(forecasts!, (row) => row.indicator === indicator),
      caption: `${String(rows[0]!.indicator_name)}: forecasts by area`,
      columns: FORECAST_COLUMNS,
    });
  }
  return { ...sectionShell(3), findings: forecasts ? statusFindings(data, forecasts.rows) : [], blocks };
}
