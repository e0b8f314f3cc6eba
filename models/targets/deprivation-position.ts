/**
 * Where each area sits on the deprivation scale, weighted by its population (or denominator): the
 * relative rank used by graded targets and the most-deprived-quintile membership used by quintile-gap
 * targets (METHODS.md §4 and §6).
 */
import { ModelInputError } from "../errors.ts";

export interface RankedArea {
  code: string;
  weight: number;
  deprivationRank?: number;
}

export interface DeprivationPosition {
  /** Weighted relative rank in (0, 1): 0 = most deprived end, 1 = least deprived end. */
  relativeRank: number;
  /** True when the area lies in the most deprived fifth of the total weight. */
  inMostDeprivedQuintile: boolean;
}

/**
 * Weighted deprivation positions of areas: areas are ordered by `deprivationRank` (1 = most deprived);
 * each gets the relative rank cᵢ + aᵢ/2, where aᵢ is its share of the total weight and cᵢ the share of
 * all more deprived areas — the midpoint convention of the slope index of inequality (METHODS.md §4).
 * Areas with equal ranks form one block and share the block's midpoint, so the result never depends on
 * input order. An area is in the most deprived quintile when its midpoint is at most 0.2; the most
 * deprived block is always included, so the quintile is never empty.
 *
 * @throws {ModelInputError} when an area has no finite deprivation rank.
 * @example
 * deprivationPositions([{ code: "A", weight: 1, deprivationRank: 1 }, { code: "B", weight: 3, deprivationRank: 2 }], "f")
 * // → Map { "A" → { relativeRank: 0.125, inMostDeprivedQuintile: true },
 * //         "B" → { relativeRank: 0.625, inMostDeprivedQuintile: false } }
 */
export function deprivationPositions(
  areas: readonly RankedArea[],
  caller: string,
): Map<string, DeprivationPosition> {
  for (const area of areas) {
    if (!Number.isFinite(area.deprivationRank)) {
      throw new ModelInputError(
        `${caller}: area ${area.code} needs a finite deprivationRank (got ${area.deprivationRank})`,
        "graded and quintile-gap targets order areas by deprivation rank (1 = most deprived).",
      );
    }
  }
  const blocks = new Map<number, RankedArea[]>();
  for (const area of areas) {
    const rank = area.deprivationRank!;
    blocks.set(rank, [...(blocks.get(rank) ?? []), area]);
  }
  const totalWeight = areas.reduce((sum, area) => sum + area.weight, 0);
  const positions = new Map<string, DeprivationPosition>();
  let shareBefore = 0;
  const orderedRanks = [...blocks.keys()].sort((a, b) => a - b);
  orderedRanks.forEach((rank, blockIndex) => {
    const members = blocks.get(rank)!;
    const blockShare = members.reduce((sum, area) => sum + area.weight, 0) / totalWeight;
    const relativeRank = shareBefore + blockShare / 2;
    const inMostDeprivedQuintile = blockIndex === 0 || relativeRank <= 0.2;
    for (const area of members) positions.set(area.code, { relativeRank, inMostDeprivedQuintile });
    shareBefore += blockShare;
  });
  return positions;
}
