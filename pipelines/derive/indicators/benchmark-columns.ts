/**
 * Benchmarks and gaps for every comparison row, vectorised: the `benchmark` model against the county and
 * against England at three levels (95%) and five levels (adding 99.8%), and the `areaGap` model for absolute
 * and relative gaps. A row that cannot be compared says why in `benchmarkNote`; the labels are then
 * "not compared" (never a silent "similar"). The county is not compared with itself, nor England with
 * England: those labels are null.
 */
import { areaGap, type BenchmarkResult, benchmark, type Polarity } from "../../../models/statistics/index.ts";
import type { ComparisonInputs } from "./comparison-inputs.ts";
import { isComparable } from "./value-types.ts";

export interface BenchmarkColumns {
  benchmarkCounty: (BenchmarkResult | null)[];
  benchmarkCounty5: (BenchmarkResult | null)[];
  benchmarkEngland: (BenchmarkResult | null)[];
  benchmarkEngland5: (BenchmarkResult | null)[];
  benchmarkNote: (string | null)[];
  gapToCounty: (number | null)[];
  relativeGapToCounty: (number | null)[];
  gapToEngland: (number | null)[];
  relativeGapToEngland: (number | null)[];
}

export function asPolarity(value: string): Polarity {
  return value === "high-is-good" || value === "low-is-good" ? value : "none";
}

function present(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function whyNotCompared(
  inputs: ComparisonInputs,
  i: number,
  comparator: "county" | "England",
): string | null {
  if (!isComparable(inputs.valueType[i]!)) return "counts are not benchmarked (areas differ in size)";
  if (!present(inputs.value[i])) return "no value";
  if (!present(inputs.lower95[i]) || !present(inputs.upper95[i])) {
    return "no confidence interval (the source publishes values only)";
  }
  const comparatorValue = comparator === "county" ? inputs.countyValue[i] : inputs.englandValue[i];
  if (!present(comparatorValue)) return `no ${comparator} value for ${inputs.period[i]}`;
  return null;
}

export function benchmarkColumns(inputs: ComparisonInputs): BenchmarkColumns {
  const n = inputs.rowCount;
  const out: BenchmarkColumns = {
    benchmarkCounty: new Array(n).fill(null),
    benchmarkCounty5: new Array(n).fill(null),
    benchmarkEngland: new Array(n).fill(null),
    benchmarkEngland5: new Array(n).fill(null),
    benchmarkNote: new Array(n).fill(null),
    gapToCounty: new Array(n).fill(null),
    relativeGapToCounty: new Array(n).fill(null),
    gapToEngland: new Array(n).fill(null),
    relativeGapToEngland: new Array(n).fill(null),
  };
  for (let i = 0; i < n; i++) {
    const polarity = asPolarity(inputs.polarity[i]!);
    const area = {
      value: inputs.value[i],
      lower95: inputs.lower95[i],
      upper95: inputs.upper95[i],
      lower998: inputs.lower998[i],
      upper998: inputs.upper998[i],
    };
    const has998 = present(area.lower998) && present(area.upper998);
    const notes: string[] = [];
    const compare = (comparator: "county" | "England", comparatorValue: number | null) => {
      const reason = whyNotCompared(inputs, i, comparator);
      if (reason) {
        notes.push(`${comparator}: ${reason}`);
        return ["not compared", "not compared"] as const;
      }
      const three = benchmark(area, comparatorValue, polarity, { levels: 3 });
      const five = has998 ? benchmark(area, comparatorValue, polarity, { levels: 5 }) : "not compared";
      return [three, five] as const;
    };
    if (inputs.areaType[i] !== "county" && inputs.areaType[i] !== "country") {
      [out.benchmarkCounty[i], out.benchmarkCounty5[i]] = compare("county", inputs.countyValue[i]!);
    }
    if (inputs.areaType[i] !== "country") {
      [out.benchmarkEngland[i], out.benchmarkEngland5[i]] = compare("England", inputs.englandValue[i]!);
    }
    out.benchmarkNote[i] = notes.length > 0 ? [...new Set(notes)].join("; ") : null;
    const toCounty = areaGap(inputs.areaCode[i]!, inputs.value[i], inputs.countyValue[i]);
    const toEngland = areaGap(inputs.areaCode[i]!, inputs.value[i], inputs.englandValue[i]);
    out.gapToCounty[i] = toCounty.absoluteGap;
    out.relativeGapToCounty[i] = toCounty.relativeGap;
    out.gapToEngland[i] = toEngland.absoluteGap;
    out.relativeGapToEngland[i] = toEngland.relativeGap;
  }
  return out;
}
