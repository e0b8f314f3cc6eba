/**
 * The text description of a tartan rug: its size, the areas with the most "worse" and "better" cells, and
 * the indicators on which most areas are worse — the patterns a reader scans the grid for.
 */
import { countPhrase } from "./describe-values.ts";
import type { RugCell, RugInput } from "./tartan-rug-grid.ts";

const WORSE = new Set(["worse", "worst"]);
const BETTER = new Set(["better", "best"]);

function leader(
  items: readonly { name: string; count: number }[],
): { name: string; count: number } | undefined {
  return items.reduce<{ name: string; count: number } | undefined>(
    (best, item) => (item.count > 0 && (!best || item.count > best.count) ? item : best),
    undefined,
  );
}

export function describeRug(grid: readonly RugCell[], input: RugInput, comparator?: string): string {
  const against = comparator ? ` than ${comparator}` : "";
  const sentences = [
    `${countPhrase(input.indicators.length, "indicator")} for ${countPhrase(input.areas.length, "area")}, each cell coloured by comparison${comparator ? ` with ${comparator}` : ""}.`,
  ];
  const perArea = (labels: Set<string>) =>
    input.areas.map((area) => ({
      name: area.name,
      count: grid.filter((cell) => cell.area === area.code && labels.has(cell.benchmark)).length,
    }));
  const mostWorse = leader(perArea(WORSE));
  if (mostWorse)
    sentences.push(
      `${mostWorse.name} is worse${against} on the most indicators (${mostWorse.count} of ${input.indicators.length}).`,
    );
  const mostBetter = leader(perArea(BETTER));
  if (mostBetter)
    sentences.push(
      `${mostBetter.name} is better${against} on the most indicators (${mostBetter.count} of ${input.indicators.length}).`,
    );
  const perIndicator = input.indicators.map((indicator) => ({
    name: indicator.name,
    count: grid.filter((cell) => cell.indicator === indicator.id && WORSE.has(cell.benchmark)).length,
  }));
  const worstIndicator = leader(perIndicator);
  if (worstIndicator)
    sentences.push(
      `${worstIndicator.name} has the most areas worse${against} (${worstIndicator.count} of ${input.areas.length}).`,
    );
  const missing = grid.filter((cell) => cell.value === null).length;
  if (missing > 0)
    sentences.push(`${countPhrase(missing, "cell")} ${missing === 1 ? "has" : "have"} no value.`);
  return sentences.join(" ");
}
