/**
 * Validation and canonical ordering of recipients. Every allocation is computed on the recipients sorted
 * by code, so the result cannot depend on the order they were given in (floating-point sums and
 * tie-breaks included), and rows are then returned in the caller's order.
 */
import { ModelInputError } from "../errors.ts";
import type { Recipient } from "./types.ts";

function checkRecipient(functionName: string, recipient: Recipient, seen: Set<string>): void {
  const { code, population, deprivedPopulation, cost, baseline } = recipient;
  if (typeof code !== "string" || code === "") {
    throw new ModelInputError(
      `${functionName}: every recipient needs a non-empty code (got ${String(code)})`,
    );
  }
  if (seen.has(code)) throw new ModelInputError(`${functionName}: recipient code "${code}" appears twice`);
  seen.add(code);
  if (!(Number.isFinite(population) && population > 0)) {
    throw new ModelInputError(
      `${functionName}: recipient "${code}" needs a population > 0 (got ${population})`,
    );
  }
  const optional: [string, number | undefined, boolean][] = [
    ["deprivedPopulation", deprivedPopulation, true],
    ["cost", cost, false],
    ["baseline", baseline, true],
  ];
  for (const [label, value, zeroAllowed] of optional) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
      throw new ModelInputError(
        `${functionName}: recipient "${code}" has an invalid ${label} (got ${value}; must be ${zeroAllowed ? "≥ 0" : "> 0"})`,
      );
    }
  }
}

/**
 * Checks the recipients (non-empty, unique codes, positive populations, non-negative optional counts)
 * and returns them sorted by code — the canonical order every allocation model computes in.
 *
 * @throws {ModelInputError} naming the first recipient at fault.
 * @example recipientsInCodeOrder("allocate", [{ code: "B", name: "b", population: 1 }, { code: "A", name: "a", population: 2 }]).map((r) => r.code) // ["A", "B"]
 */
export function recipientsInCodeOrder(functionName: string, recipients: readonly Recipient[]): Recipient[] {
  if (!Array.isArray(recipients) || recipients.length === 0) {
    throw new ModelInputError(
      `${functionName}: needs at least one recipient (got ${recipients?.length ?? 0})`,
    );
  }
  const seen = new Set<string>();
  for (const recipient of recipients) checkRecipient(functionName, recipient, seen);
  return [...recipients].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
