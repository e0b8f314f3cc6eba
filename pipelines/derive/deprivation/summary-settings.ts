/**
 * Which editions get population-weighted summaries, and with which population and numerators. Every
 * default of the deprivation summaries is stated here.
 *
 * - 2019: IoD 2019 File 6 population (mid-2015, excluding prisoners — what the official district
 *   summaries weight by); income and employment scale from the File 8 numerators.
 * - 2015: the same mid-2015 population, because IoD 2015's own denominators (mid-2012) are not among the
 *   sources — so 2015 summaries are close to, not equal to, the published 2015 district summaries; no
 *   numerators (scales are NULL).
 * - 2004–2010 (2001 LSOAs) and 2025 (2021 LSOAs) have no LSOA populations in the sources: they appear in
 *   the editions table (`deprivation_trend`, by national ranks), not here.
 */
export interface SummaryEdition {
  edition: number;
  lsoaType: "lsoa11";
  populationPeriod: string;
  populationBasis: string;
  incomeIndicator: string | null;
  employmentIndicator: string | null;
}

export const SUMMARY_EDITIONS: readonly SummaryEdition[] = [
  {
    edition: 2019,
    lsoaType: "lsoa11",
    populationPeriod: "mid-2015",
    populationBasis: "IoD 2019 File 6, mid-2015 (excluding prisoners)",
    incomeIndicator: "iod2019-income-deprived-people",
    employmentIndicator: "iod2019-employment-deprived-people",
  },
  {
    edition: 2015,
    lsoaType: "lsoa11",
    populationPeriod: "mid-2015",
    populationBasis: "IoD 2019 File 6, mid-2015 (IoD 2015 used mid-2012, not in the sources)",
    incomeIndicator: null,
    employmentIndicator: null,
  },
];

/** Area levels summarised from LSOAs through `area_link` (lsoa11 itself is read directly). */
export const SUMMARY_AREA_TYPES = [
  "ward19",
  "locality",
  "priority",
  "district",
  "county",
  "region",
  "country",
] as const;

/**
 * Levels ranked among the areas of the same type in the same county (or, outside two-tier counties, the
 * same district); every other level is ranked nationally (all areas of the type in the country).
 */
export const LOCALLY_RANKED_AREA_TYPES = ["ward19", "locality", "priority"] as const;
