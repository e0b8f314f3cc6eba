/**
 * The text description of an allocation comparison: the baseline total, and for each alternative scenario
 * its total, who gains most and who loses most against the baseline (every recipient tied for it).
 */
import type { AllocationView } from "./allocation-view.ts";
import { listPhrase } from "./describe-values.ts";
import { formatMoney, formatMoneyChange } from "./money-format.ts";

interface Change {
  name: string;
  change: number;
}

/** "X gains most (+£60,000)" or "W, X and Y gain most (+£60,000 each)". */
function extremePhrase(
  changes: readonly Change[],
  pick: (a: number, b: number) => number,
  verb: string,
  perHead: boolean,
): string | null {
  if (changes.length === 0) return null;
  const extreme = changes.reduce((best, entry) => pick(best, entry.change), changes[0]?.change ?? 0);
  const tied = changes.filter((entry) => entry.change === extreme).map((entry) => entry.name);
  const amount = `${formatMoneyChange(extreme, perHead)}${perHead ? " per head" : ""}${tied.length > 1 ? " each" : ""}`;
  return tied.length > 1
    ? `${listPhrase(tied)} ${verb} most (${amount})`
    : `${tied[0]} ${verb}s most (${amount})`;
}

export function describeAllocations(view: AllocationView, perHead: boolean): string {
  if (view.recipients.length === 0) return "There are no allocations to compare.";
  const total = (scenario: string) => formatMoney(view.totals.get(scenario) ?? 0);
  const sentences = [
    `${view.baseline} (baseline) allocates ${total(view.baseline)} between ${view.recipients.length} recipients${perHead ? "; the chart shows amounts per head" : ""}.`,
  ];
  for (const scenario of view.alternatives) {
    const changes = view.recipients
      .map((recipient) => ({ name: recipient.name, change: recipient.changes.get(scenario) }))
      .filter((entry): entry is Change => entry.change !== undefined);
    const gain = extremePhrase(
      changes.filter((entry) => entry.change > 0),
      Math.max,
      "gain",
      perHead,
    );
    const loss = extremePhrase(
      changes.filter((entry) => entry.change < 0),
      Math.min,
      "lose",
      perHead,
    );
    const parts = [
      `${scenario} allocates ${total(scenario)}`,
      ...[gain, loss].filter((part): part is string => part !== null),
    ];
    if (!gain && !loss) parts.push("no recipient's amount changes");
    sentences.push(`${parts.join("; ")}.`);
  }
  return sentences.join(" ");
}
