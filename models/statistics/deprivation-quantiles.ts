import { ModelInputError } from "../errors.ts";
import { isPresent } from "./checks.ts";

/** Number of LSOAs in England in each edition of the Indices of Deprivation (METHODS.md §5). */
export const NATIONAL_LSOA_COUNTS: Readonly<Record<string, number>> = Object.freeze({
  "2004": 32_482,
  "2007": 32_482,
  "2010": 32_482,
  "2015": 32_844,
  "2019": 32_844,
  "2025": 33_755,
});

/** "within-county", "county" and "local" are accepted as other names for "within-area". */
export type DeprivationQuantileMethod = "national" | "within-area" | "within-county" | "county" | "local";

export interface DeprivationQuantileOptions {
  /** 10 for deciles, 5 for quintiles. */
  quantiles: 10 | 5;
  /**
   * "national": from each small area's national rank and the national count N (the IMD decile columns);
   * "within-area": ranked again within the set given (e.g. the county's LSOAs), so each quantile holds a
   * fifth or tenth of the county's small areas.
   */
  method: DeprivationQuantileMethod;
  /** N, the number of small areas nationally; for "national", give it or an `edition`. */
  nationalCount?: number;
  /** IoD edition (2004, 2007, 2010, 2015, 2019, 2025): sets N and the matching `nationalRule`. */
  edition?: number | string;
  /**
   * How national ranks are cut when N is not a multiple of q: "ceiling" = ⌈rank·q/N⌉ reproduces the published
   * decile columns of IoD 2015, 2019 and 2025; "floor" = ⌊(rank − 1)·q/N⌋ + 1 reproduces the 2004–2010 ones.
   * Default: "floor" for the 2004, 2007 and 2010 editions, otherwise "ceiling".
   */
  nationalRule?: "ceiling" | "floor";
  /** Whether the inputs are ranks (1 = most deprived, the default) or scores (higher = more deprived). */
  input?: "ranks" | "scores";
}

/**
 * Deprivation quantile (decile or quintile) of each small area; 1 = most deprived.
 *
 * "national" uses the national rank and N (`nationalCount`, or the `edition`'s count): quantile = ⌈rank·q/N⌉,
 * or ⌊(rank − 1)·q/N⌋ + 1 for the 2004–2010 editions (see `nationalRule`); each reproduces every published
 * IMD decile of its edition. "within-area" re-ranks the areas given (ties take
 * the minimum rank; rank 1 = most deprived) and applies quantile = ⌊(q + 1) − ⌈(N + 1 − rank)/(N/q)⌉⌋ with
 * N = the number of areas with a value, as PHEindicatormethods `calculate_quantiles` does. Missing inputs give
 * null. Integer arithmetic (rank·q/N rather than rank/(N/q)) keeps boundaries exact.
 * Method: METHODS.md §4; English Indices of Deprivation technical reports; PHEindicatormethods.
 *
 * @throws {ModelInputError} when q is not 5 or 10, N is missing or invalid for "national", or a national rank
 *   is not an integer in 1..N.
 * @example
 * deprivationQuantiles([1, 3284, 3285, 32844], { quantiles: 10, method: "national", edition: 2019 })
 * // → [1, 1, 2, 10]
 */
export function deprivationQuantiles(
  values: readonly (number | null | undefined)[],
  options: DeprivationQuantileOptions,
): (number | null)[] {
  const q = options.quantiles;
  if (q !== 10 && q !== 5) {
    throw new ModelInputError(`deprivationQuantiles: quantiles must be 10 or 5 (got ${JSON.stringify(q)})`);
  }
  if (options.method === "national") return nationalQuantiles(values, q, options);
  if (WITHIN_AREA_NAMES.has(options.method)) return withinAreaQuantiles(values, q, options.input ?? "ranks");
  throw new ModelInputError(
    `deprivationQuantiles: method must be "national" or "within-area" (got ${JSON.stringify(options.method)})`,
  );
}

const WITHIN_AREA_NAMES = new Set<string>(["within-area", "within-county", "county", "local"]);
const EARLY_EDITIONS = new Set(["2004", "2007", "2010"]);

function nationalQuantiles(
  ranks: readonly (number | null | undefined)[],
  q: number,
  { nationalCount, edition, nationalRule, input = "ranks" }: DeprivationQuantileOptions,
): (number | null)[] {
  if (input !== "ranks") {
    throw new ModelInputError('deprivationQuantiles: the "national" method needs national ranks, not scores');
  }
  const editionKey = edition === undefined ? undefined : String(edition);
  if (editionKey !== undefined && !(editionKey in NATIONAL_LSOA_COUNTS)) {
    throw new ModelInputError(
      `deprivationQuantiles: unknown edition ${JSON.stringify(edition)} (known: ${Object.keys(NATIONAL_LSOA_COUNTS).join(", ")})`,
    );
  }
  const n = nationalCount ?? (editionKey === undefined ? undefined : NATIONAL_LSOA_COUNTS[editionKey]);
  const rule =
    nationalRule ?? (editionKey !== undefined && EARLY_EDITIONS.has(editionKey) ? "floor" : "ceiling");
  if (!(Number.isInteger(n) && n! > 0)) {
    throw new ModelInputError(
      `deprivationQuantiles: nationalCount must be a positive integer (got ${n})`,
      "give an edition, or the edition's LSOA count: 32,482 (2004–2010), 32,844 (2015, 2019), 33,755 (2025)",
    );
  }
  const total = n!;
  return ranks.map((rank, i) => {
    if (!isPresent(rank)) return null;
    if (!(Number.isInteger(rank) && rank >= 1 && rank <= total)) {
      throw new ModelInputError(
        `deprivationQuantiles: rank ${rank} (item ${i + 1}) is not an integer in 1..${total}`,
      );
    }
    if (rule === "floor") return Math.floor(((rank - 1) * q) / total) + 1;
    return Math.ceil((rank * q) / total);
  });
}

function withinAreaQuantiles(
  values: readonly (number | null | undefined)[],
  q: number,
  input: "ranks" | "scores",
): (number | null)[] {
  const present = values.filter(isPresent);
  const n = present.length;
  // Order from most to least deprived: ascending ranks, or descending scores.
  const sorted = [...present].sort((a, b) => (input === "ranks" ? a - b : b - a));
  const minimumRank = new Map<number, number>();
  sorted.forEach((value, i) => {
    if (!minimumRank.has(value)) minimumRank.set(value, i + 1);
  });
  return values.map((value) => {
    if (!isPresent(value)) return null;
    const rank = minimumRank.get(value)!;
    return q + 1 - Math.ceil(((n + 1 - rank) * q) / n);
  });
}
