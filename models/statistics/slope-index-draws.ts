/**
 * The two tools behind `slopeIndexOfInequalityBatch`: a shared matrix of standard-normal draws (generated
 * once per seed, number of draws and number of groups, in the order the per-call model consumes them) and
 * the simulated limits picked by selection (O(n)) rather than a full sort, giving exactly the same order
 * statistics as sii-simulation.ts `simulatedLimits`.
 */
import { seededRandom } from "../random.ts";

const cache = new Map<string, Float64Array>();
const CACHE_ENTRIES = 16;

/**
 * simulations × groups standard-normal deviates from `seededRandom(seed)`: entry s·groups + i is the draw
 * the model uses for group i in simulation s. Memoised (a few recent matrices) because a batch reuses one.
 */
export function sharedDraws(seed: number, simulations: number, groups: number): Float64Array {
  const key = `${seed >>> 0}:${simulations}:${groups}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const random = seededRandom(seed);
  const draws = new Float64Array(simulations * groups);
  for (let d = 0; d < draws.length; d++) draws[d] = random.normal();
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, draws);
  return draws;
}

/**
 * Rearranges values[left..right] so that values[k] is the k-th smallest of that range, everything before it
 * no larger and everything after it no smaller: Floyd and Rivest's SELECT (CACM 1975, Algorithm 489), which
 * first narrows the range around k with a small sample, so a tail percentile of 10,000 draws costs little
 * more than one pass. Returns values[k].
 */
function selectInPlace(values: Float64Array, k: number, left = 0, right = values.length - 1): number {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, k, newLeft, newRight);
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right]! > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return values[k]!;
}

function swap(values: Float64Array, i: number, j: number): void {
  const kept = values[i]!;
  values[i] = values[j]!;
  values[j] = kept;
}

/**
 * The lower and upper simulated limits (round(n·α/2)-th and round(n·(1 − α/2))-th smallest, as
 * PHEindicatormethods does). Reorders `draws` (a scratch array). Draws holding NaN (e.g. a simulated
 * intercept of 0 in an RII) are sorted as the model sorts them, NaN last.
 */
export function selectLimits(draws: Float64Array, confidence: number): { lower: number; upper: number } {
  const n = draws.length;
  const tail = (1 - confidence) / 2;
  const position = (p: number) => Math.min(n - 1, Math.max(0, Math.round(n * p) - 1));
  let hasNaN = false;
  for (let i = 0; i < n; i++) if (Number.isNaN(draws[i])) hasNaN = true;
  if (hasNaN) {
    const sorted = Float64Array.from(draws).sort();
    return { lower: sorted[position(tail)]!, upper: sorted[position(1 - tail)]! };
  }
  const lowerAt = position(tail);
  const upperAt = position(1 - tail);
  const lower = selectInPlace(draws, lowerAt);
  // After the first selection nothing after lowerAt is smaller than what precedes it.
  const upper =
    upperAt > lowerAt
      ? selectInPlace(draws, upperAt, lowerAt + 1)
      : upperAt === lowerAt
        ? lower
        : selectInPlace(draws, upperAt);
  return { lower, upper };
}
