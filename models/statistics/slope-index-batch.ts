/**
 * The slope index of inequality for many sets of groups at once (e.g. every district × indicator of
 * England: 15,850 SIIs), with the same method and the same numbers as `slopeIndexOfInequality`.
 *
 * Why a batch entry point: the per-call model draws fresh normal deviates for every call and sorts every
 * simulated slope, about 12 ms for 10 groups × 10,000 draws — over three minutes for England. Here one
 * matrix of standard-normal draws is generated per group count from the seed, in exactly the order the model
 * consumes them (draw s, group i → the (s·k + i)-th deviate of `seededRandom(seed)`), and shared by every
 * set with that many groups; the limits are picked by selection instead of a full sort. Same seed → same
 * draws → the same slopes and limits as the model, bit for bit (tests/pipelines/national checks this).
 * Method: METHODS.md §4; PHEindicatormethods `phe_sii`; Low & Low (2004).
 */
import { ModelInputError } from "../errors.ts";
import { fitWeightedLine } from "../regression.ts";
import { exactSum } from "./exact-sum.ts";
import {
  findUnusableGroup,
  type InequalityGroup,
  simulationScale,
  standardErrorsOnScale,
  toSimulationScale,
} from "./sii-groups.ts";
import type { SimulationScale } from "./sii-simulation.ts";
import { selectLimits, sharedDraws } from "./slope-index-draws.ts";
import { type SimulationScratch, simulateInto } from "./slope-index-lines.ts";
import {
  relativeRanks,
  type SlopeIndexOfInequality,
  type SlopeIndexOptions,
  slopeIndexOfInequality,
} from "./slope-index-of-inequality.ts";

/** Sets of groups as columns: set j is rows offsets[j] … offsets[j+1] − 1, most deprived first. */
export interface InequalityGroupColumns {
  offsets: ArrayLike<number>;
  population: ArrayLike<number>;
  /** NaN for a missing value or limit. */
  value: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

/** One array per result field (NaN where the model gives null), plus the reasons. */
export interface SlopeIndexBatch {
  sii: Float64Array;
  rii: Float64Array;
  intercept: Float64Array;
  lowerSii: Float64Array;
  upperSii: Float64Array;
  lowerRii: Float64Array;
  upperRii: Float64Array;
  /** Why the SII is missing; for input the model would reject, the model's error message. */
  reason: (string | null)[];
  intervalReason: (string | null)[];
  seed: number;
  simulations: number;
  confidence: number;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

function groupsOf(columns: InequalityGroupColumns, from: number, to: number): InequalityGroup[] {
  const groups: InequalityGroup[] = [];
  for (let r = from; r < to; r++) {
    groups.push({
      population: columns.population[r]!,
      value: orNull(columns.value[r]!),
      lower: orNull(columns.lower[r]!),
      upper: orNull(columns.upper[r]!),
    });
  }
  return groups;
}

function emptyBatch(sets: number, seed: number, simulations: number, confidence: number): SlopeIndexBatch {
  const column = () => new Float64Array(sets).fill(Number.NaN);
  return {
    ...{ sii: column(), rii: column(), intercept: column(), lowerSii: column(), upperSii: column() },
    ...{ lowerRii: column(), upperRii: column() },
    reason: new Array<string | null>(sets).fill(null),
    intervalReason: new Array<string | null>(sets).fill(null),
    ...{ seed: seed >>> 0, simulations, confidence },
  };
}

/**
 * SII and RII with simulated limits for every set; options as `slopeIndexOfInequality` (same defaults).
 * Invalid input in one set (e.g. a proportion above 1) gives that set a null SII with the model's message
 * as `reason` instead of stopping the batch.
 *
 * @throws {ModelInputError} for invalid options (as the model), or offsets that do not fit the columns.
 */
export function slopeIndexOfInequalityBatch(
  columns: InequalityGroupColumns,
  options: SlopeIndexOptions,
): SlopeIndexBatch {
  // The model validates the options (and gives the defaults) on a trivial call.
  const resolved = slopeIndexOfInequality([], options);
  const { seed, simulations, confidence } = resolved;
  const multiplier = options.multiplier ?? 1;
  const scale = simulationScale(options.valueType);
  const sets = columns.offsets.length - 1;
  if (sets < 0 || columns.offsets[sets]! > columns.population.length) {
    throw new ModelInputError(
      `slopeIndexOfInequalityBatch: offsets (${columns.offsets.length}) do not fit the columns (${columns.population.length} rows)`,
    );
  }
  const out = emptyBatch(sets, seed, simulations, confidence);
  const scratch = { slopes: new Float64Array(simulations), indices: new Float64Array(simulations) };
  for (let j = 0; j < sets; j++) {
    const groups = groupsOf(columns, columns.offsets[j]!, columns.offsets[j + 1]!);
    try {
      const unusable = findUnusableGroup(groups, scale);
      if (unusable) {
        out.reason[j] = unusable;
        continue;
      }
      const result = oneSet(groups, scale, { seed, simulations, confidence, multiplier }, scratch);
      out.sii[j] = result.sii!;
      out.rii[j] = result.rii ?? Number.NaN;
      out.intercept[j] = result.intercept!;
      out.lowerSii[j] = result.lowerSii ?? Number.NaN;
      out.upperSii[j] = result.upperSii ?? Number.NaN;
      out.lowerRii[j] = result.lowerRii ?? Number.NaN;
      out.upperRii[j] = result.upperRii ?? Number.NaN;
      out.intervalReason[j] = result.intervalReason ?? null;
    } catch (error) {
      if (!(error instanceof ModelInputError)) throw error;
      out.reason[j] = error.message;
    }
  }
  return out;
}

interface Settings {
  seed: number;
  simulations: number;
  confidence: number;
  multiplier: number;
}

type SetResult = Pick<
  SlopeIndexOfInequality,
  "sii" | "rii" | "intercept" | "lowerSii" | "upperSii" | "lowerRii" | "upperRii" | "intervalReason"
>;

/** The model's computation for one usable set, with the shared draws (statements in the model's order). */
function oneSet(
  groups: InequalityGroup[],
  scale: SimulationScale,
  settings: Settings,
  scratch: SimulationScratch,
): SetResult {
  const values = groups.map((group) => group.value!);
  const totalPopulation = exactSum(groups.map((group) => group.population));
  const shares = groups.map((group) => group.population / totalPopulation);
  const ranks = relativeRanks(shares);
  const fit = fitWeightedLine(ranks, values, shares);
  const rii = fit.intercept === 0 ? null : (fit.intercept + fit.slope) / fit.intercept;
  const m = settings.multiplier;
  const point = { sii: fit.slope * m, rii, intercept: fit.intercept * m };
  const none = { lowerSii: null, upperSii: null, lowerRii: null, upperRii: null };
  const standardErrors = standardErrorsOnScale(groups, scale);
  if (typeof standardErrors === "string") return { ...point, ...none, intervalReason: standardErrors };
  const centres = values.map(toSimulationScale(scale));
  const draws = sharedDraws(settings.seed, settings.simulations, groups.length);
  simulateInto(scratch, { shares, ranks, centres, standardErrors, scale, draws });
  const siiLimits = selectLimits(scratch.slopes, settings.confidence);
  const riiLimits = rii === null ? null : selectLimits(scratch.indices, settings.confidence);
  return {
    ...point,
    lowerSii: siiLimits.lower * m,
    upperSii: siiLimits.upper * m,
    lowerRii: riiLimits?.lower ?? null,
    upperRii: riiLimits?.upper ?? null,
  };
}
