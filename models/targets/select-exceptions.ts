/**
 * Exception selection for the quarterly report (METHODS.md §7): only what needs the board's attention.
 */
import { ModelInputError } from "../errors.ts";
import type { BenchmarkResult } from "../statistics/benchmark.ts";
import type { TrendDirection } from "../statistics/recent-trend.ts";
import type { Polarity } from "../statistics/types.ts";
import type { ForecastStatus } from "./forecast-trend.ts";

export interface ExceptionCandidate {
  /** Forecast status against the target, if the item has a target. */
  status?: ForecastStatus | null;
  /** Benchmark against the comparator (METHODS.md §2): 'worse' and 'worst' count as significantly worse. */
  benchmark?: BenchmarkResult | null;
  /** As RecentTrend.improving: false = significantly getting worse, true = better, null = neither. */
  improving?: boolean | null;
  /** Alternative to `improving`: the significant trend direction, read with `polarity`. */
  trendDirection?: TrendDirection | null;
  polarity?: Polarity | null;
}

export type ExceptionReason =
  | "off track"
  | "at risk"
  | "significantly worse than the comparator and getting worse";

export interface SelectedException<Item> {
  item: Item;
  /** 'red' for off track, 'amber' for at risk, null when selected only for the benchmark and trend. */
  rag: "red" | "amber" | null;
  reasons: ExceptionReason[];
}

/** Whether the item's trend is significantly getting worse, from `improving` or direction + polarity. */
function isGettingWorse(item: ExceptionCandidate, index: number): boolean {
  const { trendDirection: direction, polarity } = item;
  const significant = direction === "increasing" || direction === "decreasing";
  const fromDirection =
    significant && (polarity === "high-is-good" || polarity === "low-is-good")
      ? (direction === "increasing") !== (polarity === "high-is-good")
      : null;
  const fromFlag = typeof item.improving === "boolean" ? !item.improving : null;
  if (fromFlag !== null && fromDirection !== null && fromFlag !== fromDirection) {
    throw new ModelInputError(
      `selectExceptions: item ${index} says improving=${item.improving} but its trend is ${direction} with polarity ${polarity}`,
    );
  }
  return fromFlag ?? fromDirection ?? false;
}

/**
 * Selects the exceptions of a quarterly performance report: items whose forecast is off track (red) or
 * at risk (amber), and items significantly worse than their comparator (benchmark 'worse' or 'worst')
 * whose trend is significantly getting worse. Every other item is dropped. Each kept item carries its
 * reasons; the result is ordered red, then amber, then benchmark-only, keeping input order within each.
 * Items pass through untouched, so the report can show the figures behind each status.
 *
 * Method: METHODS.md §7 (exception report) with the "worse and getting worse" flag of §3.
 *
 * @throws {ModelInputError} when an item's `improving` flag contradicts its trend direction and polarity.
 * @example
 * selectExceptions([{ status: "on track" }, { status: "at risk" },
 *   { status: "on track", benchmark: "worse", improving: false }, { benchmark: "worse", improving: true }])
 * // → [{ item: { status: "at risk" }, rag: "amber", reasons: ["at risk"] },
 * //    { item: { status: "on track", benchmark: "worse", improving: false }, rag: null,
 * //      reasons: ["significantly worse than the comparator and getting worse"] }]
 */
export function selectExceptions<Item extends ExceptionCandidate>(
  items: readonly Item[],
): SelectedException<Item>[] {
  const severity = { red: 0, amber: 1, none: 2 };
  const selected = items.flatMap((item, index) => {
    const reasons: ExceptionReason[] = [];
    const rag: SelectedException<Item>["rag"] =
      item.status === "off track" ? "red" : item.status === "at risk" ? "amber" : null;
    if (item.status === "off track" || item.status === "at risk") reasons.push(item.status);
    const worse = item.benchmark === "worse" || item.benchmark === "worst";
    if (worse && isGettingWorse(item, index)) {
      reasons.push("significantly worse than the comparator and getting worse");
    }
    return reasons.length > 0 ? [{ item, rag, reasons, index }] : [];
  });
  selected.sort((a, b) => severity[a.rag ?? "none"] - severity[b.rag ?? "none"] || a.index - b.index);
  return selected.map(({ item, rag, reasons }) => ({ item, rag, reasons }));
}
