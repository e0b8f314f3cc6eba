/**
 * Probability distributions the statistical methods need: standard normal, chi-square (through the
 * regularised incomplete gamma function) and Student's t (through the regularised incomplete beta
 * function). Quantiles are found by bracketing and bisection on the CDF, which is slow-ish but robust
 * and accurate to ~1e-12; the models call them a handful of times per area, never per row.
 *
 * References: Abramowitz & Stegun 6.5 (incomplete gamma series and continued fraction), 26.5 (incomplete
 * beta continued fraction); Lanczos approximation for log-gamma (g = 7, n = 9 coefficients).
 */
import { ModelInputError } from "./errors.ts";

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural logarithm of the gamma function, for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised lower incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || x < 0)
    throw new ModelInputError(`regularizedGammaP: needs a > 0 and x >= 0 (a=${a}, x=${x})`);
  if (x === 0) return 0;
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }
  return 1 - regularizedGammaQByContinuedFraction(a, x);
}

function regularizedGammaQByContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Chi-square cumulative distribution with `degreesOfFreedom` > 0. */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return 0;
  return regularizedGammaP(degreesOfFreedom / 2, x / 2);
}

/** Regularised incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Student's t cumulative distribution with `degreesOfFreedom` > 0. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  const x = degreesOfFreedom / (degreesOfFreedom + t * t);
  const tail = 0.5 * regularizedBeta(x, degreesOfFreedom / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Standard normal cumulative distribution (via the complementary error function, |error| < 1.2e-7 … refined). */
export function normalCdf(z: number): number {
  // P(Z <= z) = 1 - Q(z); Q from the incomplete gamma: Q(z) = 0.5 * Q(1/2, z^2/2) for z >= 0.
  if (z === 0) return 0.5;
  const upperTail = 0.5 * (1 - regularizedGammaP(0.5, (z * z) / 2));
  return z > 0 ? 1 - upperTail : upperTail;
}

function invertMonotoneCdf(cdf: (x: number) => number, p: number, low: number, high: number): number {
  let lo = low;
  let hi = high;
  while (cdf(hi) < p) hi *= 2;
  while (low < 0 && cdf(lo) > p) lo *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-13 * Math.max(1, Math.abs(mid))) break;
  }
  return (lo + hi) / 2;
}

function checkProbability(name: string, p: number): void {
  if (!(p > 0 && p < 1))
    throw new ModelInputError(`${name}: probability must be strictly between 0 and 1 (got ${p})`);
}

/** Standard normal quantile: the z with P(Z <= z) = p. */
export function normalQuantile(p: number): number {
  checkProbability("normalQuantile", p);
  return invertMonotoneCdf(normalCdf, p, -40, 40);
}

/** Chi-square quantile: the x with P(X <= x) = p for `degreesOfFreedom` > 0. */
export function chiSquareQuantile(p: number, degreesOfFreedom: number): number {
  checkProbability("chiSquareQuantile", p);
  if (!(degreesOfFreedom > 0)) {
    throw new ModelInputError(`chiSquareQuantile: degrees of freedom must be > 0 (got ${degreesOfFreedom})`);
  }
  return invertMonotoneCdf((x) => chiSquareCdf(x, degreesOfFreedom), p, 0, Math.max(1, degreesOfFreedom * 4));
}

/** Student's t quantile: the t with P(T <= t) = p for `degreesOfFreedom` > 0. */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  checkProbability("studentTQuantile", p);
  if (!(degreesOfFreedom > 0)) {
    throw new ModelInputError(`studentTQuantile: degrees of freedom must be > 0 (got ${degreesOfFreedom})`);
  }
  return invertMonotoneCdf((t) => studentTCdf(t, degreesOfFreedom), p, -1e3, 1e3);
}

/** The two-sided z for a confidence level, e.g. 0.95 → 1.959964, 0.998 → 3.090232. */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new ModelInputError(`confidence must be between 0 and 1, e.g. 0.95 (got ${confidence})`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}
