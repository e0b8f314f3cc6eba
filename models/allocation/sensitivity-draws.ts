/**
 * The Monte Carlo loop behind `allocationSensitivity`: per draw, perturb the need weights, renormalise
 * to targets, apply the rule's kernel, store each recipient's exact amount in £. Everything is
 * preallocated; the loop itself creates no objects.
 */
import type { SeededRandom } from "../random.ts";
import { dampGainsAboveFloors } from "./floor-damping.ts";
import { blendNeedWeights, type NeedShares, needSharesFor } from "./need-measures.ts";
import { paceOfChangeAmounts } from "./pace-of-change.ts";
import { floorsAndCeilings, paceOfChangeSettings } from "./rule-settings.ts";
import type { AllocationRule, Recipient } from "./types.ts";
import { type ResolvedWeightUncertainty, weightFactorSampler } from "./weight-uncertainty.ts";

export interface DrawSettings {
  functionName: string;
  potPence: number;
  /** Recipients in code order. */
  recipients: readonly Recipient[];
  rule: AllocationRule;
  unitPence: number;
  draws: number;
  weightUncertainty: ResolvedWeightUncertainty;
}

type RuleKernel = (targets: Float64Array, out: Float64Array) => void;

/** The rule applied to one draw's targets (pence), writing exact amounts (pence) into `out`. */
function ruleKernel(settings: DrawSettings): RuleKernel {
  const { functionName, potPence, recipients, rule, unitPence } = settings;
  if (rule.kind === "need-weighted-with-floors") {
    const limits = floorsAndCeilings(functionName, rule.floor, rule.ceiling, recipients, unitPence);
    const capped = new Uint8Array(recipients.length);
    return (targets, out) => {
      dampGainsAboveFloors(functionName, targets, limits, potPence, out, capped);
    };
  }
  if (rule.kind === "pace-of-change") {
    const paceSettings = paceOfChangeSettings(functionName, rule, recipients);
    return (targets, out) => {
      paceOfChangeAmounts(functionName, targets, paceSettings, potPence, out);
    };
  }
  return (targets, out) => out.set(targets);
}

/** Writes one draw's perturbed targets (pence) into `targets` (the scratch arrays are overwritten). */
function drawTargets(
  shares: NeedShares,
  settings: DrawSettings,
  nextFactor: () => number,
  scratch: { baseWeights: Float64Array; measureWeights: Float64Array },
  targets: Float64Array,
): void {
  let total = 0;
  if (settings.weightUncertainty.applyTo === "measures") {
    for (let k = 0; k < scratch.measureWeights.length; k++) {
      scratch.measureWeights[k] = shares.measureWeights[k]! * nextFactor();
    }
    total = blendNeedWeights(shares, scratch.measureWeights, targets);
  } else {
    for (let i = 0; i < targets.length; i++) {
      targets[i] = scratch.baseWeights[i]! * nextFactor();
      total += targets[i]!;
    }
  }
  const scale = settings.potPence / total;
  for (let i = 0; i < targets.length; i++) targets[i] = targets[i]! * scale;
}

/**
 * Runs the draws. Returns the amounts in £ laid out recipient by recipient (`amounts[i × draws + d]`),
 * in code order, plus notes. Fixed rules (tiered, equal, per head) repeat their amounts unchanged.
 */
export function simulateAmounts(
  settings: DrawSettings,
  fixedAmounts: Float64Array,
  random: SeededRandom,
): { amounts: Float64Array; notes: string[] } {
  const { recipients, rule, draws } = settings;
  const n = recipients.length;
  const amounts = new Float64Array(n * draws);
  if (!("measures" in rule)) {
    for (let i = 0; i < n; i++) amounts.fill(fixedAmounts[i]! / 100, i * draws, (i + 1) * draws);
    return { amounts, notes: [`a ${rule.kind} rule does not use need weights: amounts do not vary`] };
  }
  const shares = needSharesFor(settings.functionName, recipients, rule.measures);
  const baseWeights = new Float64Array(n);
  blendNeedWeights(shares, shares.measureWeights, baseWeights);
  const scratch = { baseWeights, measureWeights: new Float64Array(shares.measureWeights.length) };
  const kernel = ruleKernel(settings);
  const nextFactor = weightFactorSampler(settings.weightUncertainty, random);
  const targets = new Float64Array(n);
  const out = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    drawTargets(shares, settings, nextFactor, scratch, targets);
    kernel(targets, out);
    for (let i = 0; i < n; i++) amounts[i * draws + d] = out[i]! / 100;
  }
  const { distribution, spread, applyTo } = settings.weightUncertainty;
  const notes = [
    `${draws} draws; each ${applyTo === "measures" ? "measure" : "recipient"} weight × ${distribution} factor ±${spread * 100}%`,
  ];
  if (applyTo === "measures" && shares.measureWeights.length === 1) {
    notes.push("only one need measure: perturbing its weight changes nothing (use applyTo: recipients)");
  }
  return { amounts, notes };
}
