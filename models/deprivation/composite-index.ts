/**
 * The composite Index of Multiple Deprivation score built from domain ranks, the official construction
 * (IoD 2019 technical report, section 3; METHODS.md §5): each domain's national rank is exponentially
 * transformed, and the IMD score is the weighted sum of the transformed domains. With the official
 * weights this reproduces the published IMD; with other weights it gives a "local index".
 */
import { ModelInputError } from "../errors.ts";
import { transformRankUnchecked } from "./exponential-transform.ts";
import { type DeprivationDomain, type IndexWeights, validateIndexWeights } from "./index-weights.ts";
import { checkNationalLsoaCount, checkNationalRank } from "./national-lsoa-count.ts";

/** National domain ranks as columns: one array per domain, all the same length (one entry per LSOA). */
export type DomainRankColumns = Readonly<Partial<Record<DeprivationDomain, ArrayLike<number>>>>;

/**
 * Composite index scores: for every LSOA, Σ over the weighted domains of weight × X, where
 * X = −23·ln(1 − R·(1 − e^(−100/23))) and R = (N + 1 − domain rank)/N. Higher = more deprived.
 * Domains with weight 0 are skipped (their ranks need not be given); domain ranks not named in the
 * weights are ignored.
 *
 * @param domainRanks national ranks (1 = most deprived) per domain, equal-length columns.
 * @param weights domain weights, e.g. `OFFICIAL_IMD_WEIGHTS`; used as given (see `validateIndexWeights`).
 * @param n number of LSOAs nationally in the edition the ranks come from.
 * @throws {ModelInputError} for invalid weights or n, a weighted domain without ranks, columns of
 * different lengths, or a rank outside [1, n].
 * @example // LSOA E01000001 (City of London) in IMD 2025, published IMD score 8.742:
 * compositeIndexScores({ income: [33730], employment: [33708], education: [33755], health: [33108],
 *   crime: [33698], barriers: [29220], environment: [244] }, OFFICIAL_IMD_WEIGHTS, 33755)
 * // Float64Array [8.74218…]
 */
export function compositeIndexScores(
  domainRanks: DomainRankColumns,
  weights: IndexWeights,
  n: number,
): Float64Array {
  const checkedWeights = validateIndexWeights(weights);
  checkNationalLsoaCount(n, "compositeIndexScores");
  const weighted = Object.entries(checkedWeights).filter(([, weight]) => weight !== undefined && weight > 0);
  const columns = weighted.map(([domain, weight]) => ({
    domain,
    weight: weight as number,
    ranks: requireDomainColumn(domainRanks, domain as DeprivationDomain),
  }));
  const length = columns[0]?.ranks.length ?? 0;
  const scores = new Float64Array(length);
  for (const { domain, weight, ranks } of columns) {
    if (ranks.length !== length) {
      throw new ModelInputError(
        `compositeIndexScores: domain "${domain}" has ${ranks.length} ranks but "${columns[0]?.domain}" has ${length}`,
        "Every domain column must hold one rank per LSOA, in the same LSOA order.",
      );
    }
    for (let row = 0; row < length; row++) {
      const rank = checkNationalRank(ranks[row] as number, n, `compositeIndexScores (${domain})`, row);
      scores[row] = (scores[row] as number) + weight * transformRankUnchecked(rank, n);
    }
  }
  return scores;
}

function requireDomainColumn(domainRanks: DomainRankColumns, domain: DeprivationDomain): ArrayLike<number> {
  const column = domainRanks[domain];
  if (column === undefined) {
    throw new ModelInputError(
      `compositeIndexScores: no ranks for weighted domain "${domain}" (given: ${Object.keys(domainRanks).join(", ") || "none"})`,
      "Give ranks for every domain with a weight > 0, or set its weight to 0 / leave it out of the weights.",
    );
  }
  return column;
}
