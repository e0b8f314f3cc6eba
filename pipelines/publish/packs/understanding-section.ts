/**
 * Stage 1, understanding the priority: where the focus areas sit on the national deprivation scale, how
 * that has changed since 2004, how many households are deprived, where in the area deprivation is
 * concentrated (map, small areas) and how steep the gradient across deprivation is (SII). Findings are
 * generated from the protected tables.
 */
import type { PackData } from "./collect-pack.ts";
import { type Block, findTable, type PackSection, rowIndices, sectionShell } from "./pack-section.ts";
import { inequalityBlocks, mapBlock, scoreChart, trendBlock } from "./understanding-charts.ts";
import { understandingFindings } from "./understanding-findings.ts";

/** The editions table in the HTML for the whole area and the county (every area is in the exports). */
function trendTable(data: PackData): Block[] {
  const table = findTable(data, "deprivation-trend");
  if (!table) return [];
  const shown = new Set([data.context.headline.code, data.context.county.code]);
  return [{ kind: "table", table, rows: rowIndices(table, (row) => shown.has(String(row.area_code))) }];
}

export function understandingSection(data: PackData): PackSection {
  const tables = (id: string, extra: Partial<Extract<Block, { kind: "table" }>> = {}): Block[] => {
    const table = findTable(data, id);
    return table ? [{ kind: "table", table, ...extra }] : [];
  };
  const blocks: Block[] = [
    ...mapBlock(data),
    ...scoreChart(data),
    ...tables("deprivation-summary"),
    ...tables("household-deprivation"),
    ...trendBlock(data),
    ...trendTable(data),
    ...inequalityBlocks(data),
    ...tables("inequality"),
    ...(data.context.smallAreas ? tables("small-areas") : []),
  ];
  return { ...sectionShell(1), findings: understandingFindings(data), blocks };
}
