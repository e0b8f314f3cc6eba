/**
 * Made-up test data (NOT real statistics): the five Warwickshire districts with round numbers chosen so
 * targets can be worked out by hand, and 23 made-up localities.
 *
 * Income-deprived people total 60,000, so need-weighted targets for a £800,000 pot are £40 per deprived
 * person ÷ 3 × 10 = £13⅓ per person: 80,000 · 320,000 · 120,000 · 96,000 · 184,000.
 */
import type { Recipient } from "../../../models/allocation/index.ts";

export const districts: Recipient[] = [
  {
    code: "E07000218",
    name: "North Warwickshire",
    population: 60_000,
    deprivedPopulation: 6_000,
    need: { imdScore: 15, extent: 0.05 },
  },
  {
    code: "E07000219",
    name: "Nuneaton and Bedworth",
    population: 120_000,
    deprivedPopulation: 24_000,
    need: { imdScore: 25, extent: 0.2 },
  },
  {
    code: "E07000220",
    name: "Rugby",
    population: 90_000,
    deprivedPopulation: 9_000,
    need: { imdScore: 15, extent: 0.05 },
  },
  {
    code: "E07000221",
    name: "Stratford-on-Avon",
    population: 120_000,
    deprivedPopulation: 7_200,
    need: { imdScore: 10, extent: 0 },
  },
  {
    code: "E07000222",
    name: "Warwick",
    population: 130_000,
    deprivedPopulation: 13_800,
    need: { imdScore: 12, extent: 0.04 },
  },
];

/** The 2008/09 Area Based Grant split as directed by the Public Service Board (DOMAIN.md). */
export const abgSplit2008 = {
  E07000218: 100_000,
  E07000219: 400_000,
  E07000220: 100_000,
  E07000221: 100_000,
  E07000222: 100_000,
};

/** 23 made-up localities (codes L01–L23) with varied populations and need. */
export const localities: Recipient[] = Array.from({ length: 23 }, (_, i) => ({
  code: `L${String(i + 1).padStart(2, "0")}`,
  name: `Locality ${i + 1}`,
  population: 15_000 + 1_130 * ((i * 7) % 23),
  deprivedPopulation: 900 + 211 * ((i * 11) % 23),
  need: { imdScore: 7 + ((i * 5) % 23) * 1.7, extent: ((i * 3) % 11) / 40 },
}));

/** Σ of the amounts in whole pence: the exactness check that avoids floating-point addition. */
export function totalPence(rows: readonly { amount: number }[]): number {
  return rows.reduce((total, row) => total + Math.round(row.amount * 100), 0);
}

/** Amounts by recipient code. */
export function amountsByCode(rows: readonly { code: string; amount: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.code, row.amount]));
}
