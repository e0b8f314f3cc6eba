/**
 * Correctly rounded floating-point summation (Shewchuk's algorithm with non-overlapping partials, the
 * method behind Python's `math.fsum`). The result is the exact sum rounded once, so it does not depend on
 * the order of the terms: aggregates of apportioned (fractional) counts are identical however the rows
 * arrive.
 */

/**
 * Exact sum: the sum of `values`, exact up to one final rounding, hence independent of their order.
 * Non-finite values are not supported (callers validate first).
 *
 * @example
 * exactSum([0.1, 0.2, 0.3]) // → 0.6 (a plain loop gives 0.6000000000000001)
 */
export function exactSum(values: Iterable<number>): number {
  const partials: number[] = [];
  for (let x of values) {
    let kept = 0;
    for (let i = 0; i < partials.length; i++) {
      let y = partials[i]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[kept++] = low;
      x = high;
    }
    partials.length = kept;
    partials.push(x);
  }
  return roundPartials(partials);
}

function roundPartials(partials: number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let high = partials[--n]!;
  let low = 0;
  while (n > 0) {
    const x = high;
    const y = partials[--n]!;
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  // Correct the half-way rounding case, as fsum does.
  if (n > 0 && ((low < 0 && partials[n - 1]! < 0) || (low > 0 && partials[n - 1]! > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}
