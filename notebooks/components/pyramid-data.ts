/**
 * Population rows arranged for a pyramid: age bands in age order (by the first number in the label, so
 * "5-9" comes before "10-14" and "90+" last), each band's count or percentage of the total by sex, and the
 * data table.
 */
import { roundForTable } from "./format-number.ts";
import type { DataTable } from "./types.ts";

export interface PyramidRow {
  age: string | number;
  sex: "Male" | "Female";
  population: number;
}

export interface PyramidBar {
  age: string;
  sex: "Male" | "Female";
  measure: number;
}

/** The first whole number in an age label ("Aged 5 to 9" → 5); labels without one sort last. */
export function ageStart(age: string | number): number {
  if (typeof age === "number") return age;
  const match = /\d+/.exec(age);
  return match ? Number(match[0]) : Number.POSITIVE_INFINITY;
}

export function orderedAges(rows: readonly PyramidRow[]): string[] {
  const ages = [...new Set(rows.map((row) => String(row.age)))];
  return ages.sort((a, b) => ageStart(a) - ageStart(b) || a.localeCompare(b));
}

export function totalPopulation(rows: readonly PyramidRow[], sex?: "Male" | "Female"): number {
  return rows
    .filter((row) => sex === undefined || row.sex === sex)
    .reduce((sum, row) => sum + row.population, 0);
}

/** One bar per age band and sex (rows for the same band and sex are summed). */
export function pyramidBars(
  rows: readonly PyramidRow[],
  percent: boolean,
): { ages: string[]; bars: PyramidBar[] } {
  const ages = orderedAges(rows);
  const total = totalPopulation(rows) || 1;
  const bars = ages.flatMap((age) =>
    (["Male", "Female"] as const).map((sex) => {
      const count = totalPopulation(
        rows.filter((row) => String(row.age) === age),
        sex,
      );
      return { age, sex, measure: percent ? (100 * count) / total : count };
    }),
  );
  return { ages, bars };
}

export function pyramidTable(
  rows: readonly PyramidRow[],
  ages: readonly string[],
  comparator?: { label: string; rows: PyramidRow[] },
): DataTable {
  const total = totalPopulation(rows) || 1;
  const comparatorTotal = comparator ? totalPopulation(comparator.rows) || 1 : 1;
  const count = (source: readonly PyramidRow[], age: string, sex: "Male" | "Female") =>
    totalPopulation(
      source.filter((row) => String(row.age) === age),
      sex,
    );
  const columns = ["Age", "Male", "Female", "Male (% of total)", "Female (% of total)"];
  if (comparator) columns.push(`${comparator.label} male (%)`, `${comparator.label} female (%)`);
  return {
    columns,
    rows: ages.map((age) => {
      const male = count(rows, age, "Male");
      const female = count(rows, age, "Female");
      const row: (string | number | null)[] = [
        age,
        male,
        female,
        roundForTable((100 * male) / total, 2),
        roundForTable((100 * female) / total, 2),
      ];
      if (comparator) {
        row.push(
          roundForTable((100 * count(comparator.rows, age, "Male")) / comparatorTotal, 2),
          roundForTable((100 * count(comparator.rows, age, "Female")) / comparatorTotal, 2),
        );
      }
      return row;
    }),
  };
}
