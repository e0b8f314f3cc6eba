/**
 * Key findings of stage 1 as plain sentences, generated from the protected tables (a suppressed or missing
 * number is never quoted): which focus area is most deprived and how it ranks, how the headline area
 * compares with the county, how many households are deprived, whether deprivation has spread since 2004,
 * which indicator shows the widest gap, and the gradient across deprivation deciles.
 */

import { formatNumber } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { inSentence, percent, shortName, signedDifference, times, withUnit } from "./pack-format.ts";
import { findTable } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

type Row = Record<string, unknown>;

const PEERS: Record<string, string> = {
  district: "districts in England",
  county: "counties in England",
  locality: "localities in the county",
  priority: "priority areas in the county",
};

function mostDeprived(data: PackData): string | null {
  const table = findTable(data, "deprivation-summary");
  const focus = new Set(data.context.focus.map((area) => area.code));
  const rows = (table?.rows ?? []).filter(
    (row) => focus.has(String(row.area_code)) && numeric(row.average_score) !== null,
  );
  const county = table?.rows.find((row) => row.area_code === data.context.county.code);
  if (rows.length === 0) return null;
  const top = rows.reduce((a, b) => (numeric(b.average_score)! > numeric(a.average_score)! ? b : a));
  const edition = data.context.plan.deprivation.edition;
  const rank = numeric(top.rank_of_average_score);
  const peers = numeric(top.peer_count);
  const countyScore = numeric(county?.average_score);
  const worst20 = numeric(top.proportion_most_deprived_20);
  const lead =
    rows.length > 1
      ? `${String(top.area_name)} is the most deprived of the ${rows.length} focus areas`
      : `${String(top.area_name)} has`;
  const score = `an average IMD ${edition} score of ${formatNumber(numeric(top.average_score), 1)}`;
  const versus =
    countyScore !== null && top.area_code !== data.context.county.code
      ? ` (${data.context.county.name}: ${formatNumber(countyScore, 1)})`
      : "";
  const ranked =
    rank !== null && peers !== null
      ? `, ranked ${rank} of ${peers} ${PEERS[String(top.area_type)] ?? "areas"} (1 = most deprived)`
      : "";
  const small =
    worst20 !== null
      ? `; ${percent(worst20)} of its small areas are among the 20% most deprived in England`
      : "";
  return `${lead}${rows.length > 1 ? ", with" : ""} ${score}${versus}${ranked}${small}.`;
}

function incomeScale(data: PackData): string | null {
  const table = findTable(data, "deprivation-summary");
  const whole = table?.rows.find((row) => row.area_code === data.context.headline.code);
  const county = table?.rows.find((row) => row.area_code === data.context.county.code);
  const people = numeric(whole?.income_scale);
  const countyPeople = numeric(county?.income_scale);
  if (people === null) return null;
  const shareOfCounty =
    countyPeople && whole !== county
      ? `, ${percent(people / countyPeople)} of ${data.context.county.name}'s ${formatNumber(countyPeople, 0)}`
      : "";
  const population = numeric(whole?.population);
  const ofPopulation = population ? ` (${percent(people / population, 1)} of its population)` : "";
  return `${formatNumber(people, 0)} people in ${data.context.headline.name} were income deprived (IoD ${data.context.plan.deprivation.edition})${ofPopulation}${shareOfCounty}.`;
}

function households(data: PackData): string | null {
  const table = findTable(data, "household-deprivation");
  const whole = table?.rows.find((row) => row.area_code === data.context.headline.code && !row.part_of);
  const county = table?.rows.find((row) => row.area_code === data.context.county.code);
  const share = numeric(whole?.share_deprived);
  const countyShare = numeric(county?.share_deprived);
  if (share === null) return null;
  const versus =
    countyShare !== null && whole !== county
      ? `, against ${percent(countyShare, 1)} across ${data.context.county.name}`
      : "";
  return `${percent(share, 1)} of households in ${data.context.headline.name} are deprived in at least one of the four Census dimensions (Census ${String(whole?.period)})${versus}.`;
}

function spread(data: PackData): string | null {
  const rows = (findTable(data, "deprivation-trend")?.rows ?? []).filter(
    (row) => row.area_code === data.context.headline.code,
  );
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || first === last) return null;
  const count = (row: Row) =>
    `${formatNumber(numeric(row.lsoas_most_deprived_20), 0)} of ${formatNumber(numeric(row.lsoa_count), 0)}`;
  return `In ${data.context.headline.name}, ${count(first)} small areas were among the 20% most deprived in England in IMD ${String(first.edition)} and ${count(last)} in IMD ${String(last.edition)}.`;
}

/** E.g. "Nuneaton Central has the highest income deprivation rate, 20.4%, 2.3 times the county's (9.0%)." */
export function widestGap(data: PackData): string | null {
  const table = findTable(data, "indicator-values");
  const focus = new Set(data.context.focus.map((area) => area.code));
  for (const indicator of data.context.plan.indicators) {
    const rows = (table?.rows ?? []).filter(
      (row) => row.indicator === indicator && numeric(row.value) !== null,
    );
    const candidates = rows.filter(
      (row) => focus.has(String(row.area_code)) && row.area_code !== data.context.county.code,
    );
    const county = rows.find((row) => row.area_code === data.context.county.code) ?? rows[0];
    const countyValue = numeric(county?.value) ?? numeric(candidates[0]?.county_value);
    if (candidates.length === 0 || countyValue === null || countyValue === 0) continue;
    const highBad = candidates[0]!.polarity !== "high-is-good";
    const worst = candidates.reduce((a, b) => (numeric(b.value)! > numeric(a.value)! === highBad ? b : a));
    const value = numeric(worst.value)!;
    const name = inSentence(shortName(String(worst.indicator_name)));
    const unit = String(worst.unit ?? "");
    const phrase = /rate|ratio|score|index|prevalence/i.test(name)
      ? name
      : unit.startsWith("%")
        ? `share of ${name}`
        : `rate of ${name}`;
    const ratio = value / countyValue;
    const comparison =
      ratio >= 1.1 || ratio <= 0.9 ? `${times(ratio)} the county's` : `close to the county's`;
    const lead =
      candidates.length > 1
        ? `${String(worst.area_name)} has the ${highBad ? "highest" : "lowest"} ${phrase}`
        : `${String(worst.area_name)}: ${phrase}`;
    return `${lead}, ${withUnit(value, unit)} in ${String(worst.period)}, ${comparison} (${withUnit(countyValue, unit)}).`;
  }
  return null;
}

/** "income deprivation rate", "share of older people in income deprivation", "rate of admission episodes …". */
function indicatorPhrase(indicatorName: string, unit: string): string {
  const name = inSentence(shortName(indicatorName));
  if (/rate|ratio|score|index|prevalence/i.test(name)) return name;
  return unit.startsWith("%") ? `share of ${name}` : `rate of ${name}`;
}

function gradient(data: PackData): string | null {
  const row = findTable(data, "inequality")?.rows[0];
  const sii = numeric(row?.sii);
  if (!row || sii === null) return null;
  const lower = numeric(row.sii_lower95);
  const upper = numeric(row.sii_upper95);
  const interval =
    lower !== null && upper !== null
      ? ` (95% interval ${formatNumber(lower, 1)} to ${formatNumber(upper, 1)})`
      : "";
  const unit = String(row.unit ?? "");
  const change = sii < 0 ? "falls" : "rises";
  const size = signedDifference(Math.abs(sii), unit).replace(/^\+/, "");
  return `Across ${data.context.county.name}'s small areas, the ${indicatorPhrase(String(row.indicator_name), unit)} ${change} by ${size} from the most to the least deprived end (slope index of inequality, ${String(row.period)})${interval}.`;
}

export function understandingFindings(data: PackData): string[] {
  return [
    mostDeprived(data),
    widestGap(data),
    incomeScale(data),
    households(data),
    spread(data),
    gradient(data),
  ].filter((finding): finding is string => finding !== null);
}
