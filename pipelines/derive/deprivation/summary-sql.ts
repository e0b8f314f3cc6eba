/**
 * The deprivation summaries of every area as one set-based DuckDB statement (METHODS.md §5; the same
 * definitions as the pure `deprivationSummary`, which the tests use to cross-check this SQL):
 *
 * - each LSOA share counts with weight w = area_link.weight (1 for nested and best-fit links) and
 *   people = w × population;
 * - average score = Σ people·score / Σ people; average rank = Σ people·(N + 1 − rank) / Σ people;
 * - proportion in the most deprived 10% / 20% = Σ w over LSOAs with 10·rank ≤ N (decile 1) / 5·rank ≤ N
 *   (deciles 1–2), divided by Σ w — a count share, exact in integers;
 * - extent = Σ people·e(rank) / Σ people, e = 1 for percentile ceil(100·rank/N) ≤ 10, 0.95 − (0.9/19)·(p − 11)
 *   for 11–30, else 0;
 * - local concentration: LSOAs in national-rank order with a window running sum of people before each;
 *   each takes share = clamp(0.1·Σ people − people before, 0, people), and the measure is
 *   Σ share·(N + 1 − rank) / Σ share (the LSOA crossing the 10% line counts in part);
 * - income / employment scale = Σ w·numerator over the LSOAs whose numerator is known, with the number of
 *   LSOAs whose numerator is missing beside it (the source leaves some small counts blank, so the scale
 *   is then a lower bound; the pure model returns null instead);
 * - rank of average score among peers (1 = most deprived, ties share the minimum rank), peers being the
 *   areas of the same type in the same county (else district) for wards, localities and priority areas,
 *   and in the same country otherwise.
 */
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { OFFICIAL_INDEX_ID } from "./local-index-config.ts";
import { LOCALLY_RANKED_AREA_TYPES, SUMMARY_AREA_TYPES, type SummaryEdition } from "./summary-settings.ts";

const literalOrNull = (value: string | null): string => (value === null ? "NULL" : quoteLiteral(value));
const literalList = (values: readonly string[]): string => values.map(quoteLiteral).join(", ");

/** `CREATE OR REPLACE TABLE deprivation_summary AS …` for the given editions and their national counts. */
export function deprivationSummarySql(editions: readonly (SummaryEdition & { n: number })[]): string {
  const settings = editions
    .map(
      (e) =>
        `(${e.edition}, ${quoteLiteral(e.lsoaType)}, ${e.n}, ${quoteLiteral(e.populationPeriod)}, ` +
        `${quoteLiteral(e.populationBasis)}, ${literalOrNull(e.incomeIndicator)}, ${literalOrNull(e.employmentIndicator)})`,
    )
    .join(",\n    ");
  return `CREATE OR REPLACE TABLE deprivation_summary AS
WITH
  setting (edition, lsoa_type, n, population_period, population_basis, income_indicator, employment_indicator) AS (
    VALUES ${settings}),
  lsoa_score AS (
    SELECT d.edition, ${quoteLiteral(OFFICIAL_INDEX_ID)} AS index_id, d.lsoa, d.lsoa_type, d.score, d.rank
    FROM deprivation d JOIN setting s ON s.edition = d.edition AND s.lsoa_type = d.lsoa_type
    WHERE d.domain = 'imd' AND d.score IS NOT NULL AND d.rank IS NOT NULL
    UNION ALL
    SELECT x.edition, x.index_id, x.lsoa, x.lsoa_type, x.score, x.rank
    FROM deprivation_local_index x JOIN setting s ON s.edition = x.edition AND s.lsoa_type = x.lsoa_type),
  lsoa_input AS (
    SELECT l.*, s.n, p.population, income.numerator AS income, employment.numerator AS employment
    FROM lsoa_score l
    JOIN setting s ON s.edition = l.edition
    JOIN population p ON p.area_code = l.lsoa AND p.area_type = l.lsoa_type AND p.period = s.population_period
      AND p.age_band = 'all' AND p.sex = 'Persons' AND p.population IS NOT NULL
    LEFT JOIN observation income ON income.indicator = s.income_indicator AND income.area_code = l.lsoa
      AND income.area_type = l.lsoa_type
    LEFT JOIN observation employment ON employment.indicator = s.employment_indicator
      AND employment.area_code = l.lsoa AND employment.area_type = l.lsoa_type),
  lsoa_share AS (
    SELECT i.edition, i.index_id, m.parent_type AS area_type, m.parent AS area_code, i.lsoa, i.rank,
      i.n::DOUBLE AS n, i.score, m.weight, m.weight * i.population AS people,
      m.weight * i.income AS income, m.weight * i.employment AS employment, i.income IS NULL AS income_missing,
      i.employment IS NULL AS employment_missing, ceil(100 * i.rank::DOUBLE / i.n::DOUBLE) AS percentile
    FROM lsoa_input i
    JOIN area_link m ON m.child = i.lsoa AND m.child_type = i.lsoa_type AND m.weight > 0
      AND m.parent_type IN (${literalList(SUMMARY_AREA_TYPES)})),
  lsoa_running AS (
    SELECT *,
      sum(people) OVER (PARTITION BY edition, index_id, area_type, area_code) AS area_people,
      coalesce(sum(people) OVER (PARTITION BY edition, index_id, area_type, area_code ORDER BY rank, lsoa
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS people_before
    FROM lsoa_share),
  lsoa_measure AS (
    SELECT *,
      CASE WHEN percentile <= 10 THEN 1::DOUBLE WHEN percentile > 30 THEN 0::DOUBLE
           ELSE 0.95::DOUBLE - (0.9::DOUBLE / 19) * (percentile - 11) END AS extent_weight,
      greatest(0::DOUBLE, least(people, 0.1::DOUBLE * area_people - people_before)) AS concentration_share
    FROM lsoa_running),
  area_summary AS (
    SELECT edition, index_id, area_type, area_code,
      sum(people) AS population,
      sum(people * score) / nullif(sum(people), 0) AS average_score,
      sum(people * (n + 1 - rank)) / nullif(sum(people), 0) AS average_rank,
      coalesce(sum(weight) FILTER (WHERE 10 * rank <= n), 0) / sum(weight) AS proportion_most_deprived_10,
      coalesce(sum(weight) FILTER (WHERE 5 * rank <= n), 0) / sum(weight) AS proportion_most_deprived_20,
      sum(people * extent_weight) / nullif(sum(people), 0) AS extent,
      sum(concentration_share * (n + 1 - rank)) FILTER (WHERE concentration_share > 0)
        / nullif(sum(concentration_share) FILTER (WHERE concentration_share > 0), 0) AS local_concentration,
      sum(income) AS income_scale,
      sum(employment) AS employment_scale,
      count(*) FILTER (WHERE income_missing)::INTEGER AS income_numerators_missing,
      count(*) FILTER (WHERE employment_missing)::INTEGER AS employment_numerators_missing,
      sum(weight) AS lsoa_count
    FROM lsoa_measure GROUP BY ALL),
  peer AS (
    SELECT child AS area_code, child_type AS area_type,
      CASE WHEN child_type IN (${literalList(LOCALLY_RANKED_AREA_TYPES)})
        THEN coalesce(max(parent) FILTER (WHERE parent_type = 'county'), max(parent) FILTER (WHERE parent_type = 'district'))
        ELSE max(parent) FILTER (WHERE parent_type = 'country') END AS peer_group
    FROM area_link WHERE child_type IN (${literalList(SUMMARY_AREA_TYPES)}) GROUP BY child, child_type),
  ranked AS (
    SELECT s.*, coalesce(p.peer_group, s.area_code) AS peer_group
    FROM area_summary s LEFT JOIN peer p ON p.area_code = s.area_code AND p.area_type = s.area_type)
SELECT r.edition, r.index_id, r.area_code, a.name AS area_name, r.area_type, r.peer_group,
  count(*) OVER peers::INTEGER AS peer_count, r.population, s.population_basis, r.average_score,
  r.average_rank, (rank() OVER (peers ORDER BY r.average_score DESC))::INTEGER AS rank_of_average_score,
  r.proportion_most_deprived_10, r.proportion_most_deprived_20, r.extent, r.local_concentration,
  r.income_scale, r.employment_scale, r.income_numerators_missing, r.employment_numerators_missing,
  r.lsoa_count, coalesce(a.illustrative, false) AS illustrative
FROM ranked r
JOIN setting s ON s.edition = r.edition
LEFT JOIN area a ON a.code = r.area_code AND a.type = r.area_type
WINDOW peers AS (PARTITION BY r.edition, r.index_id, r.area_type, r.peer_group)
ORDER BY r.edition, r.index_id, r.area_type, r.area_code`;
}
