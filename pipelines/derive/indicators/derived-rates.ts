/**
 * Indicators this step makes from a small-area numerator and a population denominator, e.g. the IoD 2019
 * income deprivation rate = people income deprived (File 8 numerator) / total population mid-2015 (File 6).
 *
 * They are defined here, not in `sources/catalogue/indicators.yaml`, because they exist only once the derive
 * step has joined two sources; the step writes their catalogue rows into table `indicator` (the YAML wins if
 * it ever defines the same id). Each entry is validated with the catalogue's own schema.
 *
 * The IoD 2019 numerators are published rounded to the nearest 5 and left blank below 10 (true counts 0–7
 * round below 10), so a blank is a small count, not a missing area: it is imputed as 3.5, the midpoint of
 * 0–7, and every aggregate records how many of its small areas were imputed.
 */
import { type Indicator, indicatorSchema, insertIndicator } from "../../catalogue/indicator-catalogue.ts";
import { quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";

export interface DerivedRate {
  indicator: Indicator;
  /** Catalogue id of the small-area numerator observations. */
  numeratorIndicator: string;
  /** Population table period and age band giving the denominator. */
  denominator: { period: string; ageBand: string };
  /** Value imputed for a numerator the source left blank (suppressed small count); null = leave missing. */
  suppressedNumerator: number | null;
}

/** Midpoint of the counts 0–7 that IoD 2019 File 8 leaves blank (values are rounded to 5, blank below 10). */
export const IOD2019_SUPPRESSED_NUMERATOR = 3.5;

const IOD_NOTE =
  "Numerators are rounded to 5 and blank below 10 in the source; blanks are imputed as 3.5 (midpoint of 0–7).";

function iodRate(
  fields: Omit<Indicator, "multiplier" | "valueType" | "unit" | "sourceNames"> & { unit: string },
  numeratorIndicator: string,
  ageBand: string,
): DerivedRate {
  const indicator = indicatorSchema.parse({ ...fields, valueType: "percentage", multiplier: 100 });
  return {
    indicator,
    numeratorIndicator,
    denominator: { period: "mid-2015", ageBand },
    suppressedNumerator: IOD2019_SUPPRESSED_NUMERATOR,
  };
}

export const DERIVED_RATES: readonly DerivedRate[] = [
  iodRate(
    {
      id: "iod2019-income-deprivation-rate",
      name: "Income deprivation rate (IoD 2019 income domain)",
      theme: "economic development and enterprise",
      polarity: "low-is-good",
      unit: "% of population",
      definition: `People in income-deprived families (2015/16) as a percentage of the mid-2015 population (IoD 2019 File 8 numerator / File 6 total). ${IOD_NOTE}`,
    },
    "iod2019-income-deprived-people",
    "all",
  ),
  iodRate(
    {
      id: "iod2019-idaci-rate",
      niCode: "NI 116",
      name: "Children in income-deprived families (IDACI 2019 rate)",
      theme: "children and young people",
      polarity: "low-is-good",
      unit: "% of children aged 0-15",
      definition: `Children aged 0-15 in income-deprived families as a percentage of children aged 0-15, mid-2015 (IDACI numerator / File 6 0-15). ${IOD_NOTE}`,
    },
    "iod2019-income-deprived-children",
    "0-15",
  ),
  iodRate(
    {
      id: "iod2019-idaopi-rate",
      name: "Older people in income deprivation (IDAOPI 2019 rate)",
      theme: "healthier communities and older people",
      polarity: "low-is-good",
      unit: "% of people aged 60+",
      definition: `People aged 60 and over in income deprivation as a percentage of people aged 60+, mid-2015 (IDAOPI numerator / File 6 60+). ${IOD_NOTE}`,
    },
    "iod2019-income-deprived-older-people",
    "60+",
  ),
  iodRate(
    {
      id: "iod2019-employment-deprivation-rate",
      niCode: "NI 152",
      name: "Employment deprivation rate (IoD 2019 employment domain)",
      theme: "economic development and enterprise",
      polarity: "low-is-good",
      unit: "% of working-age population",
      definition: `Working-age people involuntarily excluded from work as a percentage of the working-age population 18-59/64, mid-2015 (File 8 numerator / File 6 working age). Close to, but not exactly, the published employment score (the published denominators differ slightly). ${IOD_NOTE}`,
    },
    "iod2019-employment-deprived-people",
    "working-age-18-59/64",
  ),
];

/** Adds the derived indicators to table `indicator` unless the catalogue already has their ids. */
export async function registerDerivedRates(warehouse: Warehouse, rates = DERIVED_RATES): Promise<void> {
  for (const { indicator } of rates) await insertIndicator(warehouse, indicator);
}

/** The rates as a SQL VALUES list: (id, numerator_indicator, period, age_band, suppressed_numerator). */
export function derivedRatesValuesSql(rates = DERIVED_RATES): string {
  if (rates.length === 0) {
    return "SELECT NULL::VARCHAR id, NULL::VARCHAR numerator_indicator, NULL::VARCHAR period, NULL::VARCHAR age_band, NULL::DOUBLE suppressed_numerator WHERE false";
  }
  const rows = rates.map(
    (rate) =>
      `(${[rate.indicator.id, rate.numeratorIndicator, rate.denominator.period, rate.denominator.ageBand]
        .map(quoteLiteral)
        .join(", ")}, ${rate.suppressedNumerator ?? "NULL"}::DOUBLE)`,
  );
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS t(id, numerator_indicator, period, age_band, suppressed_numerator)`;
}
