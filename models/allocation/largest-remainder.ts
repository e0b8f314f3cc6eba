/**
 * Rounding by the largest remainder method (Hamilton's method), so rounded amounts still add up to the
 * pot exactly to the penny (METHODS.md §8 "Rounding").
 *
 * Each recipient first gets the whole number of rounding units its exact amount contains; the units
 * left over go one each to the largest fractional remainders. Ties (remainders equal to within 1e-9 of a
 * unit) go to the earlier recipient in the order given — the allocation models pass recipients sorted by
 * code, so ties are broken by code. If the pot is not a multiple of the unit, the pence left over after
 * the whole units (less than one unit) are shared by the same method in pence, in proportion to what
 * each recipient's exact amount still lacks, so each recipient ends within one unit of its exact amount.
 */

/** Gives `count` extra steps to the indices with the largest remainders (ties: earlier index first). */
function giveByLargestRemainder(remainders: Float64Array, base: Float64Array, count: number): void {
  const order = Array.from(remainders.keys()).sort((a, b) => {
    const difference = remainders[b]! - remainders[a]!;
    return Math.abs(difference) > 1e-9 ? difference : a - b;
  });
  if (count >= 0) {
    for (let k = 0; k < count; k++) base[order[k % order.length]!] = base[order[k % order.length]!]! + 1;
    return;
  }
  // Only reachable through floating-point noise: take steps back from the smallest remainders.
  let toRemove = -count;
  for (let k = order.length - 1; k >= 0 && toRemove > 0; k--) {
    const index = order[k]!;
    if (base[index]! > 0) {
      base[index] = base[index]! - 1;
      toRemove--;
    }
  }
}

/** Splits `steps` whole steps in proportion to the quotas (which sum to `steps` up to rounding noise). */
function apportionSteps(quotas: Float64Array, steps: number): Float64Array {
  const base = new Float64Array(quotas.length);
  const remainders = new Float64Array(quotas.length);
  let given = 0;
  for (let i = 0; i < quotas.length; i++) {
    const quota = Math.max(0, quotas[i]!);
    base[i] = Math.floor(quota + 1e-9);
    remainders[i] = Math.max(0, quota - base[i]!);
    given += base[i]!;
  }
  giveByLargestRemainder(remainders, base, steps - given);
  return base;
}

/**
 * Rounds exact amounts (pence) to whole multiples of the unit so they sum to the pot to the penny.
 *
 * @param exactPence exact (unrounded) amounts in pence, summing to `potPence` up to float noise.
 * @param potPence the pot in whole pence.
 * @param unitPence the rounding unit in whole pence (1 = a penny, 100000 = £1,000).
 * @returns whole-pence amounts, each within one unit of its exact amount, summing to `potPence`.
 * @example roundByLargestRemainder(Float64Array.of(3333.33, 3333.33, 3333.34), 10000, 1000) // Float64Array [3000, 3000, 4000]
 */
export function roundByLargestRemainder(
  exactPence: Float64Array,
  potPence: number,
  unitPence: number,
): Float64Array {
  const wholeUnits = Math.floor(potPence / unitPence);
  const units = apportionSteps(
    exactPence.map((amount) => amount / unitPence),
    wholeUnits,
  );
  const rounded = units.map((count) => count * unitPence);
  const leftoverPence = potPence - wholeUnits * unitPence;
  if (leftoverPence === 0) return rounded;
  const shortfalls = exactPence.map((amount, i) => Math.max(0, amount - rounded[i]!));
  let shortfallTotal = 0;
  for (const shortfall of shortfalls) shortfallTotal += shortfall;
  const weights = shortfallTotal > 0 ? shortfalls : exactPence;
  const weightTotal = shortfallTotal > 0 ? shortfallTotal : potPence;
  const pence = apportionSteps(
    weights.map((weight) => (weight * leftoverPence) / weightTotal),
    leftoverPence,
  );
  return rounded.map((amount, i) => amount + pence[i]!);
}
