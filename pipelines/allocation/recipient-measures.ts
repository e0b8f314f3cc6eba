/**
 * Need measures per recipient, from the warehouse (set-based: one aggregate query over every recipient's
 * LSOAs, then the IMD 2019 average score and extent from deprivation-averages.ts). Counts are
 * Σ weight × value over the recipient's 2011 LSOAs; a value missing in the source is left out of the sum
 * and counted, so a note can say the count is then a lower bound.
 */
import { SourceError } from "../../models/errors.ts";
import { quoteLiteral, type Warehouse } from "../warehouse/warehouse.ts";
import { deprivationAverages } from "./deprivation-averages.ts";
import type { NeedMeasureName } from "./need-measure-catalogue.ts";
import type { RecipientArea } from "./recipient-areas.ts";
import { NEED_SOURCES, populationJoin, recipientLsoasCte } from "./recipient-lsoas.ts";

export interface RecipientMeasures {
  code: string;
  /** Number of 2011 LSOAs, counted by link weight. */
  lsoaCount: number;
  /** Population of the scenario's period (Σ weight × LSOA population). */
  population: number;
  /** Need measures by name; a measure is absent when the warehouse cannot give it (see `notes`). */
  measures: Partial<Record<NeedMeasureName, number>>;
  /** Where the IMD average score and extent came from. */
  deprivationSource: "deprivation_summary" | "deprivationSummary model" | null;
  notes: string[];
}

type AggregateRow = {
  code: string;
  lsoa_count: number;
  population: number | null;
  population_missing: number;
  income: number | null;
  income_missing: number;
  employment: number | null;
  employment_missing: number;
};

async function aggregateMeasures(
  warehouse: Warehouse,
  areas: readonly RecipientArea[],
  period: string,
): Promise<Map<string, AggregateRow>> {
  const observationJoin = (alias: string, indicator: string) =>
    `LEFT JOIN observation ${alias} ON ${alias}.indicator = ${quoteLiteral(indicator)} AND ${alias}.area_code = m.lsoa
      AND ${alias}.area_type = ${quoteLiteral(NEED_SOURCES.lsoaType)} AND ${alias}.sex = 'Persons'`;
  const rows = await warehouse.rows<AggregateRow>(
    `${recipientLsoasCte(areas)}
    SELECT m.code, sum(m.weight)::DOUBLE AS lsoa_count,
      sum(m.weight * p.population)::DOUBLE AS population,
      count(*) FILTER (WHERE p.population IS NULL)::INTEGER AS population_missing,
      sum(m.weight * i.numerator)::DOUBLE AS income,
      count(*) FILTER (WHERE i.numerator IS NULL)::INTEGER AS income_missing,
      sum(m.weight * e.numerator)::DOUBLE AS employment,
      count(*) FILTER (WHERE e.numerator IS NULL)::INTEGER AS employment_missing
    FROM member m
    ${populationJoin("p", quoteLiteral(period))}
    ${observationJoin("i", NEED_SOURCES.incomeIndicator)}
    ${observationJoin("e", NEED_SOURCES.employmentIndicator)}
    GROUP BY m.code`,
  );
  return new Map(rows.map((row) => [row.code, row]));
}

/** A count measure with a note when some LSOAs lack a value (lower bound) or all do (absent). */
function countMeasure(
  label: string,
  value: number | null,
  missing: number,
  lsoas: number,
  notes: string[],
): number | undefined {
  if (missing > 0) {
    notes.push(
      value === null
        ? `no ${label} for any of its LSOAs`
        : `${label}: ${missing} of ${lsoas} LSOAs have no value in the source (the count is a lower bound)`,
    );
  }
  return value ?? undefined;
}

/**
 * The need measures of each recipient (in the order given), with the population of `period`.
 *
 * @throws {SourceError} when a recipient has no 2011 LSOAs, or no population for `period` (naming the
 *   periods the warehouse has).
 */
export async function recipientMeasures(
  warehouse: Warehouse,
  areas: readonly RecipientArea[],
  period: string,
): Promise<RecipientMeasures[]> {
  const aggregates = await aggregateMeasures(warehouse, areas, period);
  const averages = await deprivationAverages(warehouse, areas);
  const periods = async () =>
    (
      await warehouse.rows<{ period: string }>(
        `SELECT DISTINCT period FROM population WHERE area_type = ${quoteLiteral(NEED_SOURCES.lsoaType)} AND age_band = 'all' ORDER BY 1`,
      )
    ).map((row) => row.period);
  const result: RecipientMeasures[] = [];
  for (const area of areas) {
    const row = aggregates.get(area.code);
    if (!row) {
      throw new SourceError(
        `recipient ${area.code} (${area.name}, ${area.type}) has no 2011 LSOAs in area_link`,
      );
    }
    if (row.population === null || !(row.population > 0)) {
      throw new SourceError(
        `recipient ${area.code} (${area.name}) has no population for period "${period}"`,
        `Set population: to one of the periods of table population: ${(await periods()).join(", ")}`,
      );
    }
    const notes: string[] = [];
    if (row.population_missing > 0) {
      notes.push(
        `population ${period}: ${row.population_missing} of ${row.lsoa_count} LSOAs have none (left out)`,
      );
    }
    const { population } = row;
    const average = averages.get(area.code);
    if (average?.note) notes.push(average.note);
    const measures: RecipientMeasures["measures"] = { population };
    const income = countMeasure(
      "income-deprived people",
      row.income,
      row.income_missing,
      row.lsoa_count,
      notes,
    );
    const employment = countMeasure(
      "employment-deprived people",
      row.employment,
      row.employment_missing,
      row.lsoa_count,
      notes,
    );
    if (income !== undefined) measures["income-deprived-people"] = income;
    if (employment !== undefined) measures["employment-deprived-people"] = employment;
    if (average?.extent != null) measures.extent = average.extent;
    if (average?.averageScore != null) {
      measures["average-score"] = average.averageScore;
      measures["population-x-average-score"] = population * average.averageScore;
    }
    const deprivationSource = average?.source ?? null;
    result.push({
      code: area.code,
      lsoaCount: row.lsoa_count,
      population,
      measures,
      deprivationSource,
      notes,
    });
  }
  return result;
}
