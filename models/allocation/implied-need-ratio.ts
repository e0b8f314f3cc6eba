/**
 * The weights a fixed split implies (METHODS.md §8: "the weights a tiered split implies"): if money
 * were meant to follow need, how much more need per head must a recipient have for its £ per head to be
 * fair? Compared with the need per head that a measure actually shows.
 */
import { ModelInputError } from "../errors.ts";
import { blendNeedWeights, needSharesFor } from "./need-measures.ts";
import { recipientsInCodeOrder } from "./recipients.ts";
import type { AllocationResult, NeedMeasure, Recipient } from "./types.ts";

export interface ImpliedNeedOptions {
  /** Need measures for the actual need index (default: deprived population). */
  need?: NeedMeasure[];
  /** Reference the indices are relative to: the county (population-weighted) mean, or the unweighted mean of the recipients (default "county"). */
  reference?: "county" | "recipient-mean";
}

export interface ImpliedNeedRow {
  code: string;
  name: string;
  amount: number;
  /** £ per head. */
  perHead: number;
  /** £ per head relative to the reference: the need per head the split implies (1 = average). */
  impliedNeedIndex: number;
  /** Need × cost per head relative to the same reference, from the need measures. */
  actualNeedIndex: number;
  /** impliedNeedIndex / actualNeedIndex: above 1, the split assumes more need than the measure shows. */
  impliedOverActual: number | null;
  /** £ per head here ÷ £ per head of all the other recipients together. */
  impliedVersusOthers: number | null;
  /** Need per head here ÷ need per head of all the other recipients together. */
  actualVersusOthers: number | null;
}

export interface ImpliedNeedResult {
  rows: ImpliedNeedRow[];
  reference: "county" | "recipient-mean";
  need: NeedMeasure[];
}

type AmountsByCode = readonly { code: string; amount: number }[];

function amountsInCodeOrder(
  functionName: string,
  allocation: AllocationResult | AmountsByCode,
  sorted: Recipient[],
) {
  const rows = Array.isArray(allocation) ? allocation : (allocation as AllocationResult).rows;
  const byCode = new Map(rows.map((row) => [row.code, row.amount]));
  if (rows.length !== sorted.length) {
    throw new ModelInputError(`${functionName}: ${rows.length} amounts for ${sorted.length} recipients`);
  }
  return Float64Array.from(sorted, ({ code }) => {
    const amount = byCode.get(code);
    if (amount === undefined || !Number.isFinite(amount) || amount < 0) {
      throw new ModelInputError(`${functionName}: no valid amount for recipient "${code}" (got ${amount})`);
    }
    return amount;
  });
}

/** Per-head values relative to the reference: county = Σvalue/Σpop; recipient mean = mean of the per-head values. */
function perHeadIndices(
  values: Float64Array,
  populations: Float64Array,
  reference: ImpliedNeedResult["reference"],
) {
  const perHead = values.map((value, i) => value / populations[i]!);
  const sum = (array: Float64Array) => array.reduce((total, value) => total + value, 0);
  const referencePerHead =
    reference === "county" ? sum(values) / sum(populations) : sum(perHead) / perHead.length;
  return perHead.map((value) => value / referencePerHead);
}

/** (value_i / pop_i) ÷ (Σ others' value / Σ others' pop); null when there are no others or they have 0. */
function versusOthers(values: Float64Array, populations: Float64Array, i: number): number | null {
  const totalValue = values.reduce((total, value) => total + value, 0);
  const totalPopulation = populations.reduce((total, value) => total + value, 0);
  const othersValue = totalValue - values[i]!;
  if (values.length < 2 || !(othersValue > 0)) return null;
  return values[i]! / populations[i]! / (othersValue / (totalPopulation - populations[i]!));
}

interface ImpliedNeedArrays {
  amounts: Float64Array;
  needs: Float64Array;
  populations: Float64Array;
  implied: Float64Array;
  actual: Float64Array;
}

function impliedRow(recipient: Recipient, i: number, arrays: ImpliedNeedArrays): ImpliedNeedRow {
  const { amounts, needs, populations, implied, actual } = arrays;
  return {
    code: recipient.code,
    name: recipient.name,
    amount: amounts[i]!,
    perHead: amounts[i]! / populations[i]!,
    impliedNeedIndex: implied[i]!,
    actualNeedIndex: actual[i]!,
    impliedOverActual: actual[i]! > 0 ? implied[i]! / actual[i]! : null,
    impliedVersusOthers: versusOthers(amounts, populations, i),
    actualVersusOthers: versusOthers(needs, populations, i),
  };
}

/**
 * Implied need ratio of a (fixed) split: per recipient, the need index its £ per head implies, the
 * need index a measure gives, and both relative to all the other recipients together.
 *
 * @throws {ModelInputError} when amounts and recipients do not match one to one, an amount is
 *   negative, the amounts are all 0, or need values are missing.
 * @example impliedNeedRatio([{ code: "A", amount: 400000 }, { code: "B", amount: 400000 }], [{ code: "A", name: "a", population: 100000, deprivedPopulation: 20000 }, { code: "B", name: "b", population: 300000, deprivedPopulation: 20000 }]).rows[0].impliedVersusOthers // 3 (actualVersusOthers 3)
 */
export function impliedNeedRatio(
  allocation: AllocationResult | AmountsByCode,
  recipients: readonly Recipient[],
  options: ImpliedNeedOptions = {},
): ImpliedNeedResult {
  const functionName = "impliedNeedRatio";
  const { need = [{ measure: "deprivedPopulation" }], reference = "county" } = options;
  if (reference !== "county" && reference !== "recipient-mean") {
    throw new ModelInputError(
      `${functionName}: reference must be "county" or "recipient-mean" (got "${reference}")`,
    );
  }
  const sorted = recipientsInCodeOrder(functionName, recipients);
  const amounts = amountsInCodeOrder(functionName, allocation, sorted);
  if (!(amounts.reduce((total, amount) => total + amount, 0) > 0)) {
    throw new ModelInputError(`${functionName}: the amounts are all £0`);
  }
  const shares = needSharesFor(functionName, sorted, need);
  const needs = new Float64Array(sorted.length);
  blendNeedWeights(shares, shares.measureWeights, needs);
  const populations = Float64Array.from(sorted, (recipient) => recipient.population);
  const implied = perHeadIndices(amounts, populations, reference);
  const actual = perHeadIndices(needs, populations, reference);
  const rowByCode = new Map(
    sorted.map((recipient, i) => [
      recipient.code,
      impliedRow(recipient, i, { amounts, needs, populations, implied, actual }),
    ]),
  );
  return { rows: recipients.map(({ code }) => rowByCode.get(code)!), reference, need };
}
