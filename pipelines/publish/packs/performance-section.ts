/**
 * Stage 2, current performance and trends: for each plan indicator its latest values (bar chart with 95%
 * intervals against the county; the focus areas where the indicator exists for them, otherwise the
 * county's districts), its trend for the headline area against the county and England, and a table. A
 * finding per indicator says where the headline area stands and how it compares with England.
 */
import { barWithIntervals } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { inSentence, shortName, withUnit } from "./pack-format.ts";
import { type Block, findTable, type PackSection, rowIndices, sectionShell } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";
import { barRows, comparedRows, trendBlock } from "./performance-charts.ts";

type Row = Record<string, unknown>;
function englandVerdict(row: Row): string {
  const benchmark = String(row.benchmark_england ?? "");
  if (benchmark === "similar") return ", similar to England";
  if (!["better", "worse", "best", "worst"].includes(benchmark)) return "";
  return `, significantly ${benchmark === "best" ? "better" : benchmark === "worst" ? "worse" : benchmark} than England`;
}

/** Where the whole area stands; without a value for it, the range across the districts shown. */
function indicatorFinding(data: PackData, rows: Row[], name: string): string | null {
  const england = rows.find((row) => row.area_code === data.context.england?.code);
  const englandValue = numeric(england?.value) ?? numeric(rows[0]?.england_value);
  const unit = String(rows[0]?.unit ?? "");
  const englandText = englandValue !== null ? ` (England ${withUnit(englandValue, unit)})` : "";
  const headline = rows.find((row) => row.area_code === data.context.headline.code);
  const value = numeric(headline?.value);
  if (headline && value !== null)
    return `${shortName(name)}: ${String(headline.area_name)} ${withUnit(value, unit)} in ${String(headline.period)}${englandText}${englandVerdict(headline)}.`;
  const areas = rows.filter((row) => row.area_type === "district" && numeric(row.value) !== null);
  if (areas.length === 0) return null;
  const highest = areas.reduce((a, b) => (numeric(b.value)! > numeric(a.value)! ? b : a));
  const lowest = areas.reduce((a, b) => (numeric(b.value)! < numeric(a.value)! ? b : a));
  const own = areas.find(
    (row) =>
      data.context.districts.some((area) => area.code === row.area_code) &&
      data.context.districts.length === 1,
  );
  const ownText = own ? `${String(own.area_name)} ${withUnit(numeric(own.value)!, unit)}; ` : "";
  return `${shortName(name)} (${String(highest.period)}, districts): ${ownText}highest ${String(highest.area_name)} ${withUnit(numeric(highest.value)!, unit)}, lowest ${String(lowest.area_name)} ${withUnit(numeric(lowest.value)!, unit)}${englandText}.`;
}

export function performanceSection(data: PackData): PackSection {
  const table = findTable(data, "indicator-values");
  const blocks: Block[] = [];
  const findings: string[] = [];
  for (const info of data.indicators) {
    const rows = table?.rows.filter((row) => row.indicator === info.id) ?? [];
    if (rows.length === 0) {
      blocks.push(
        { kind: "heading", text: info.name },
        { kind: "notice", text: `No values of ${inSentence(info.name)} for these areas in the warehouse.` },
      );
      continue;
    }
    const unit = String(info.unit ?? "");
    const county = rows.find((row) => row.area_code === data.context.county.code);
    const countyValue = numeric(county?.value) ?? numeric(rows[0]?.county_value);
    const compared = comparedRows(data, rows);
    const highlight = compared.some((row) => row.area_code === data.context.headline.code)
      ? data.context.headline.code
      : data.context.districts.length === 1
        ? data.context.districts[0]!.code
        : "";
    blocks.push({ kind: "heading", text: `${info.name}${info.ni_code ? ` (${info.ni_code})` : ""}` });
    if (info.definition) blocks.push({ kind: "paragraph", text: info.definition });
    if (compared.length >= 2)
      blocks.push({
        kind: "chart",
        chart: barWithIntervals(barRows(compared, highlight), {
          id: `bars-${info.id}`,
          title: `${shortName(info.name)}, ${String(compared[0]?.period ?? "")}${unit ? ` (${unit})` : ""}`,
          unit: unit.startsWith("%") ? "%" : "",
          ...(countyValue !== null
            ? { comparator: { label: data.context.county.name, value: countyValue } }
            : {}),
          highlight,
          width: 680,
        }),
      });
    blocks.push(...trendBlock(data, info.id, info.name, unit.startsWith("%") ? "%" : unit));
    if (table)
      blocks.push({
        kind: "table",
        table,
        rows: rowIndices(
          table,
          (row) => row.indicator === info.id && (row.role !== "other district" || compared.includes(row)),
        ),
        caption: `${info.name}: latest values${unit ? ` (${unit})` : ""}`,
        columns: [
          "area_name",
          "period",
          "numerator",
          "denominator",
          "value",
          "lower95",
          "upper95",
          "benchmark_county",
          "benchmark_england",
        ],
      });
    const finding = indicatorFinding(data, rows, info.name);
    if (finding) findings.push(finding);
  }
  return { ...sectionShell(2), findings, blocks };
}
