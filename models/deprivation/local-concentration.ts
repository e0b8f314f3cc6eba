/**
 * Local concentration (IoD 2019 technical report, local authority district summaries; METHODS.md §5):
 * how deprived an area's worst places are — the population-weighted mean inverted national rank
 * (N + 1 − rank, higher = more deprived) of the area's most deprived LSOAs that together hold exactly
 * 10% of its population. The LSOA that crosses the 10% line counts with the fraction of its population
 * needed to reach it.
 */

/**
 * Local concentration from validated national ranks and (apportioned) populations; the total population
 * must be > 0. Rows tied on rank have the same inverted rank, so their order does not matter.
 */
export function localConcentrationUnchecked(
  ranks: ArrayLike<number>,
  weightedPopulations: ArrayLike<number>,
  totalPopulation: number,
  n: number,
): number {
  const order = Array.from({ length: ranks.length }, (_, row) => row);
  order.sort((a, b) => (ranks[a] as number) - (ranks[b] as number));
  const target = 0.1 * totalPopulation;
  let taken = 0;
  let weightedInvertedRanks = 0;
  for (const row of order) {
    const share = Math.min(weightedPopulations[row] as number, target - taken);
    if (share <= 0) continue;
    weightedInvertedRanks += share * (n + 1 - (ranks[row] as number));
    taken += share;
    if (taken >= target) break;
  }
  return weightedInvertedRanks / taken;
}
