/**
 * Allocation scenarios compared: one row per recipient (district partnership, locality), the baseline
 * scenario as a thick black tick and every other scenario as a coloured marker of its own shape, joined by
 * a grey line showing the spread between scenarios. Rows are ordered by the baseline amount. With a single
 * alternative scenario the gain or loss against the baseline is printed at the end of each row.
 */
import * as Plot from "@observablehq/plot";
import { describeAllocations } from "./allocation-description.ts";
import {
  type AllocationPoint,
  type AllocationRow,
  type AllocationView,
  allocationTable,
  buildAllocationView,
} from "./allocation-view.ts";
import { chartId } from "./chart-id.ts";
import { circleSymbol, diamondSymbol, squareSymbol, starSymbol, triangleUpSymbol } from "./chart-symbols.ts";
import { composeChart } from "./compose-chart.ts";
import type { LegendItem } from "./legend.ts";
import { formatMoney, formatMoneyChange, formatMoneyTick } from "./money-format.ts";
import { renderPlot } from "./plot-document.ts";
import { estimateTextWidth } from "./text-layout.ts";
import type { ChartOutput, CommonChartOptions } from "./types.ts";

export type { AllocationRow } from "./allocation-view.ts";

export interface AllocationComparisonOptions extends Omit<CommonChartOptions, "decimals"> {
  title: string;
  /** The scenario others are compared with (default: the first scenario in the rows). */
  baseline?: string;
  /** Compare total amounts (default) or amounts per head. */
  measure?: "amount" | "perHead";
}

/** Okabe–Ito colours (safe for every common colour-vision deficiency), each paired with its own shape. */
const SCENARIO_STYLES = [
  { fill: "#0072b2", symbol: circleSymbol },
  { fill: "#d55e00", symbol: triangleUpSymbol },
  { fill: "#009e73", symbol: squareSymbol },
  { fill: "#cc79a7", symbol: diamondSymbol },
  { fill: "#e69f00", symbol: starSymbol },
] as const;

const ROW_HEIGHT = 30;

function styleOf(view: AllocationView, scenario: string) {
  const index = view.alternatives.indexOf(scenario);
  return SCENARIO_STYLES[index % SCENARIO_STYLES.length] ?? SCENARIO_STYLES[0];
}

export function allocationComparison(
  rows: readonly AllocationRow[],
  options: AllocationComparisonOptions,
): ChartOutput {
  const { title } = options;
  const measure = options.measure ?? "amount";
  const width = options.width ?? 720;
  const view = buildAllocationView(rows, options.baseline, measure);
  const perHead = measure === "perHead";
  const marginLeft =
    Math.min(
      220,
      Math.max(60, ...view.recipients.map((recipient) => estimateTextWidth(recipient.name, 12))),
    ) + 14;
  const single = view.alternatives.length === 1 ? view.alternatives[0] : undefined;
  const key = (point: { code: string }) => point.code;
  const plot = renderPlot({
    width,
    height: view.recipients.length * ROW_HEIGHT + 50,
    marginLeft,
    marginRight: single ? 100 : 24,
    marginTop: 10,
    x: {
      grid: true,
      nice: true,
      zero: true,
      label: perHead ? "£ per head" : "£",
      tickFormat: (value: number) => formatMoneyTick(value, perHead),
    },
    y: {
      domain: view.recipients.map(key),
      tickFormat: (code: string) => view.nameOf.get(code) ?? code,
      label: null,
      tickSize: 0,
    },
    color: { type: "identity" },
    symbol: { type: "identity" },
    marks: [
      Plot.ruleY(view.recipients, { y: key, x1: "low", x2: "high", stroke: "#9e9e9e", strokeWidth: 3 }),
      Plot.tickX(
        view.points.filter((point) => point.scenario === view.baseline),
        {
          y: key,
          x: "measure",
          stroke: "#000000",
          strokeWidth: 3,
          inset: 4,
          title: (point) => `${view.baseline}: ${formatMoney(point.measure, perHead)}`,
        },
      ),
      Plot.dot(
        view.points.filter((point) => point.scenario !== view.baseline),
        {
          y: key,
          x: "measure",
          r: 6,
          symbol: (point: AllocationPoint) => styleOf(view, point.scenario).symbol,
          fill: (point: AllocationPoint) => styleOf(view, point.scenario).fill,
          stroke: "#000000",
          strokeWidth: 0.75,
          title: (point: AllocationPoint) => `${point.scenario}: ${formatMoney(point.measure, perHead)}`,
        },
      ),
      single
        ? Plot.text(view.recipients, {
            y: key,
            frameAnchor: "right",
            textAnchor: "start",
            dx: 10,
            text: (recipient) => formatMoneyChange(recipient.changes.get(single) ?? 0, perHead),
            fontVariant: "tabular-nums",
          })
        : null,
    ],
  });
  const legend: LegendItem[] = [
    {
      label: `${view.baseline} (baseline)`,
      marker: {
        symbol: {
          draw: (context) => {
            context.moveTo(-1.5, -7);
            context.lineTo(1.5, -7);
            context.lineTo(1.5, 7);
            context.lineTo(-1.5, 7);
            context.closePath();
          },
        },
        fill: "#000000",
      },
    },
    ...view.alternatives.map((scenario) => ({
      label: scenario,
      marker: {
        symbol: styleOf(view, scenario).symbol,
        fill: styleOf(view, scenario).fill,
        stroke: "#000000",
        area: 90,
      },
    })),
  ];
  return composeChart({
    id: chartId("allocation", title, options.id),
    title,
    description: describeAllocations(view, perHead),
    table: allocationTable(view, perHead),
    width,
    showTitle: options.showTitle,
    legend,
    panels: [{ plot }],
    notes: single ? [`Figures at the right: change under ${single} compared with ${view.baseline}.`] : [],
  });
}
