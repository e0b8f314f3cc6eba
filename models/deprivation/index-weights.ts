/**
 * Domain weights of the Index of Multiple Deprivation, and the check for a user's own "local index"
 * (a subset of domains, or other weights). METHODS.md §5; IoD 2019 technical report, table 3.1.
 */
import { ModelInputError } from "../errors.ts";

/** The seven domains of the English Indices of Deprivation, by the keys this project uses. */
export const DEPRIVATION_DOMAINS = [
  "income",
  "employment",
  "education",
  "health",
  "crime",
  "barriers",
  "environment",
] as const;

/** One domain key: income, employment, education (education, skills and training), health (health
 * deprivation and disability), crime, barriers (barriers to housing and services), environment (living
 * environment). */
export type DeprivationDomain = (typeof DEPRIVATION_DOMAINS)[number];

/** Weights for some or all of the domains. */
export type IndexWeights = Readonly<Partial<Record<DeprivationDomain, number>>>;

/**
 * The official IMD weights (unchanged from 2004 to 2025): income and employment 22.5% each, education
 * and health 13.5% each, crime, barriers and living environment 9.3% each. They sum to 0.999, not 1;
 * they are used exactly as published, since that is what reproduces the published scores.
 */
export const OFFICIAL_IMD_WEIGHTS: Readonly<Record<DeprivationDomain, number>> = Object.freeze({
  income: 0.225,
  employment: 0.225,
  education: 0.135,
  health: 0.135,
  crime: 0.093,
  barriers: 0.093,
  environment: 0.093,
});

/**
 * Validate index weights: the domains of a (local) index and how much each counts. Any non-empty subset
 * of the seven domains is allowed; each weight must be finite and ≥ 0, and the total must be > 0.
 * Weights are used as given, never normalised to sum to 1: the official weights sum to 0.999 and must
 * reproduce the published scores, and only the ranks of a local index are compared, which rescaling
 * would not change. Returns the weights as a frozen object holding only the listed domains.
 *
 * @throws {ModelInputError} for an unknown domain key, a negative or non-finite weight, no domains, or
 * a zero total.
 * @example validateIndexWeights({ income: 0.5, employment: 0.5 }) // { income: 0.5, employment: 0.5 }
 */
export function validateIndexWeights(weights: IndexWeights): IndexWeights {
  const known = new Set<string>(DEPRIVATION_DOMAINS);
  const checked: Partial<Record<DeprivationDomain, number>> = {};
  let total = 0;
  for (const [domain, weight] of Object.entries(weights)) {
    if (!known.has(domain)) {
      throw new ModelInputError(
        `validateIndexWeights: unknown domain "${domain}"`,
        `Domains are: ${DEPRIVATION_DOMAINS.join(", ")}.`,
      );
    }
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new ModelInputError(
        `validateIndexWeights: weight for "${domain}" must be a finite number ≥ 0, got ${String(weight)}`,
      );
    }
    checked[domain as DeprivationDomain] = weight;
    total += weight;
  }
  if (!(total > 0)) {
    throw new ModelInputError(
      `validateIndexWeights: weights must include at least one domain with a weight > 0, got ${JSON.stringify(weights)}`,
      "Use OFFICIAL_IMD_WEIGHTS for the published IMD, or list the domains of your local index.",
    );
  }
  return Object.freeze(checked);
}
