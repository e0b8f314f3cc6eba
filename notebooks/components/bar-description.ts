/**
 * The text description of a bar chart of areas: which area is highest and lowest and by how much, how many
 * are better, similar or worse than the comparator, where the highlighted area stands, and which have no data
 * or a value suppressed by disclosure control.
 */
import type { BarRow } from "./bar-rows.ts";
import { BENCHMARK_ORDER } from "./benchmark-colours.ts";
import { countPhrase, findExtremes, hasValue, listPhrase, ordinal } from "./describe-values.ts";
import { formatTimes, formatValue } from "./format-number.ts";

interface BarDescriptionOptions {
  unit: string;
  decimals: number;
  comparator: { label: string; value: number } | undefined;
  highlight: string | undefined;
  /** Codes of areas whose value is suppressed by disclosure control (not missing). */
  suppressed?: ReadonlySet<string>;
}

/** Describes rows already sorted as drawn. */
export function describeBars(rows: readonly BarRow[], options: BarDescriptionOptions): string {
  const { unit, decimals, comparator, highlight } = options;
  const show = (value: number | null | undefined) => formatValue(value, decimals, unit);
  const present = rows.filter((row) => hasValue(row.value));
  const sentences: string[] = [];
  const extremes = findExtremes(present, (row) => row.value);
  if (!extremes)
    return `No area has a value${comparator ? `; ${comparator.label} is ${show(comparator.value)}` : ""}.`;
  const { highest, lowest } = extremes;
  if (present.length === 1) sentences.push(`${highest.name} has a value of ${show(highest.value)}.`);
  else {
    let spread = `${highest.name} has the highest value, ${show(highest.value)}, and ${lowest.name} the lowest, ${show(lowest.value)}`;
    if ((lowest.value as number) > 0 && highest !== lowest) {
      spread += ` (the highest is ${formatTimes((highest.value as number) / (lowest.value as number))} the lowest)`;
    }
    sentences.push(`${spread}.`);
  }
  if (comparator) {
    const counts = new Map<string, number>();
    for (const row of present) {
      if (row.benchmark) counts.set(row.benchmark, (counts.get(row.benchmark) ?? 0) + 1);
    }
    const parts = BENCHMARK_ORDER.filter((label) => counts.has(label)).map((label, index) =>
      index === 0
        ? `${countPhrase(counts.get(label) ?? 0, "area")} ${label}`
        : `${counts.get(label)} ${label}`,
    );
    sentences.push(
      `${comparator.label} is ${show(comparator.value)}${parts.length > 0 ? `; compared with it, ${listPhrase(parts, 8)}` : ""}.`,
    );
  }
  const highlighted = rows.find((row) => row.code === highlight);
  if (highlighted && hasValue(highlighted.value)) {
    const rank = present.filter((row) => (row.value as number) > (highlighted.value as number)).length + 1;
    sentences.push(
      `${highlighted.name} is ${show(highlighted.value)}, ${ordinal(rank)} highest of ${present.length}${highlighted.benchmark && comparator ? ` (${highlighted.benchmark === "not compared" ? "not compared" : `${highlighted.benchmark}${highlighted.benchmark === "similar" ? " to" : " than"} ${comparator.label}`})` : ""}.`,
    );
  }
  const suppressed = options.suppressed ?? new Set<string>();
  const hidden = rows
    .filter((row) => !hasValue(row.value) && suppressed.has(row.code))
    .map((row) => row.name);
  const missing = rows
    .filter((row) => !hasValue(row.value) && !suppressed.has(row.code))
    .map((row) => row.name);
  if (hidden.length > 0) sentences.push(`Suppressed to protect small numbers: ${listPhrase(hidden)}.`);
  if (missing.length > 0) sentences.push(`No data for ${listPhrase(missing)}.`);
  return sentences.join(" ");
}
