/**
 * Stage 5, options: the allocation scenarios the plan names, side by side for each kind of recipient
 * (districts, localities) against the first scenario of that kind as the baseline, what each scenario is,
 * and for the focus recipients what each option would give them compared with the baseline.
 */
import { allocationComparison } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { formatPounds, percent } from "./pack-format.ts";
import { type Block, findTable, type PackSection, rowIndices, sectionShell } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

type Row = Record<string, unknown>;

function comparisonFindings(rows: Row[], baseline: string): string[] {
  const focus = rows.filter((row) => row.in_focus === true && row.scenario_id !== baseline);
  const base = new Map(
    rows.filter((row) => row.scenario_id === baseline).map((row) => [row.code, numeric(row.amount)]),
  );
  const byRecipient = new Map<string, Row[]>();
  for (const row of focus)
    byRecipient.set(String(row.code), [...(byRecipient.get(String(row.code)) ?? []), row]);
  if (byRecipient.size === 0) return [];
  if (byRecipient.size > 3) return gainsAndLosses(rows, baseline);
  return [...byRecipient.values()].map((options) => {
    const name = String(options[0]!.name);
    const baseAmount = base.get(options[0]!.code) ?? null;
    const parts = options.map((row) => {
      const amount = numeric(row.amount);
      const change = amount !== null && baseAmount !== null ? amount - baseAmount : null;
      const changeText =
        change === null
          ? ""
          : change === 0
            ? ", no change"
            : `, ${formatPounds(Math.abs(change))} ${change > 0 ? "more" : "less"}`;
      return `${formatPounds(amount ?? 0)} (${percent(numeric(row.share) ?? 0, 1)}) under "${String(row.scenario)}"${changeText}`;
    });
    const baseName = String(rows.find((row) => row.scenario_id === baseline)?.scenario ?? baseline);
    return `${name} gets ${baseAmount !== null ? formatPounds(baseAmount) : "–"} under "${baseName}"; the alternatives give ${parts.join("; ")}.`;
  });
}

/** With many recipients: for each alternative, who gains most and who loses most against the baseline. */
function gainsAndLosses(rows: Row[], baseline: string): string[] {
  const base = new Map(
    rows.filter((row) => row.scenario_id === baseline).map((row) => [row.code, numeric(row.amount)]),
  );
  const baseName = String(rows.find((row) => row.scenario_id === baseline)?.scenario ?? baseline);
  const alternatives = [...new Set(rows.map((row) => String(row.scenario_id)))].filter(
    (id) => id !== baseline,
  );
  return alternatives.flatMap((id) => {
    const changes = rows
      .filter((row) => row.scenario_id === id && base.get(row.code) != null && numeric(row.amount) !== null)
      .map((row) => ({ row, change: numeric(row.amount)! - base.get(row.code)! }));
    if (changes.length === 0) return [];
    const gain = changes.reduce((a, b) => (b.change > a.change ? b : a));
    const loss = changes.reduce((a, b) => (b.change < a.change ? b : a));
    return [
      `"${String(gain.row.scenario)}" against "${baseName}": ${String(gain.row.name)} gains most (+${formatPounds(gain.change)}), ${String(loss.row.name)} loses most (${formatPounds(loss.change)}).`,
    ];
  });
}

export function optionsSection(data: PackData): PackSection {
  const allocations = findTable(data, "allocations");
  const scenarios = findTable(data, "scenarios");
  if (!allocations) {
    const text =
      data.context.plan.scenarios.length === 0
        ? "The plan names no allocation scenarios."
        : "The warehouse holds none of the plan's allocation scenarios.";
    return { ...sectionShell(5), findings: [text], blocks: [{ kind: "notice", text }] };
  }
  const blocks: Block[] = [];
  const findings: string[] = [];
  const kinds = [...new Set(allocations.rows.map((row) => String(row.area_type)))];
  for (const kind of kinds) {
    const rows = allocations.rows.filter((row) => row.area_type === kind);
    const ids = [...new Set(rows.map((row) => String(row.scenario_id)))];
    const baseline = ids[0]!;
    const title = (id: string) => String(rows.find((row) => row.scenario_id === id)?.scenario ?? id);
    blocks.push({
      kind: "heading",
      text: `Options for the ${kind === "district" ? "districts" : kind === "locality" ? "localities" : kind}`,
    });
    blocks.push({
      kind: "chart",
      chart: allocationComparison(
        rows.map((row) => ({
          code: String(row.code),
          name: String(row.name),
          scenario: String(row.scenario),
          amount: numeric(row.amount) ?? 0,
          perHead: numeric(row.per_head) ?? 0,
        })),
        {
          id: `allocation-${kind}`,
          title: `${kind === "district" ? "District" : "Locality"} allocations: ${title(baseline)} compared with ${ids.length - 1} alternative${ids.length === 2 ? "" : "s"}`,
          baseline: title(baseline),
          width: 680,
        },
      ),
    });
    const focusRows = rowIndices(allocations, (row) => row.area_type === kind && row.in_focus === true);
    if (focusRows.length > 0 && focusRows.length <= 40)
      blocks.push({
        kind: "table",
        table: allocations,
        rows: focusRows,
        caption: `What each option gives the focus ${kind === "district" ? "districts" : "localities"}`,
        columns: [
          "scenario",
          "name",
          "amount",
          "share",
          "per_head",
          "per_deprived_person",
          "distance_from_target",
          "change_from_baseline",
        ],
      });
    findings.push(...comparisonFindings(rows, baseline));
  }
  if (scenarios) blocks.push({ kind: "heading", text: "The scenarios" }, { kind: "table", table: scenarios });
  return { ...sectionShell(5), findings, blocks };
}
