/**
 * One indicator across a set of home-county areas (localities by default), for `ntg indicator`: each area's
 * value, interval, benchmarks, rank, gaps and contribution to the county's gap, plus the set's summary
 * (best, worst, range, ratio) and the inequality rows (SII/RII, most deprived quintile vs the rest).
 * Reads `indicator_comparison`, `indicator_gap`, `indicator_gap_summary` and `indicator_inequality`.
 */
import { UsageError } from "../../../models/errors.ts";
import type { Row, Warehouse } from "../../warehouse/warehouse.ts";

export interface IndicatorReport {
  indicator: Row;
  period: string;
  areas: Row[];
  summary: Row | null;
  inequality: Row[];
}

export async function readIndicatorReport(
  warehouse: Warehouse,
  id: string,
  areaType: string,
  period: string | null,
): Promise<IndicatorReport> {
  const [indicator] = await warehouse.rows("SELECT * FROM indicator WHERE id = $1", [id]);
  if (!indicator) {
    throw new UsageError(
      `no indicator "${id}" in the catalogue`,
      "`ntg indicator --list` shows the indicators.",
    );
  }
  const chosen =
    period ??
    (await warehouse.scalar<string>(
      `SELECT period FROM indicator_comparison WHERE indicator = $1 AND area_type = $2 AND value IS NOT NULL
       ORDER BY period_year DESC, period DESC LIMIT 1`,
      [id, areaType],
    ));
  if (!chosen) {
    throw new UsageError(
      `indicator "${id}" has no values for areas of type ${areaType}`,
      "`ntg indicator --list` shows the levels each indicator has.",
    );
  }
  const areas = await warehouse.rows(
    `SELECT c.area_code, a.name AS area_name, c.sex, c.value, c.lower95, c.upper95, c.county_value, c.england_value,
            c.benchmark_county, c.benchmark_england, c.published_comparison, c.peer_rank, c.peer_count, c.rank_state,
            c.national_rank, c.national_count, c.gap_to_county, c.relative_gap_to_county, c.gap_to_england,
            g.population_share, g.contribution_to_county_gap, c.trend_label
     FROM indicator_comparison c
     LEFT JOIN area a ON a.code = c.area_code AND a.type = c.area_type
     LEFT JOIN indicator_gap g ON g.indicator = c.indicator AND g.area_code = c.area_code AND g.area_set = c.area_type
      AND g.period = c.period AND g.sex = c.sex AND g.age = c.age
     WHERE c.indicator = $1 AND c.area_type = $2 AND c.period = $3
     ORDER BY c.sex DESC, c.peer_rank NULLS LAST, c.area_code`,
    [id, areaType, chosen],
  );
  const [summary] = await warehouse.rows(
    "SELECT * FROM indicator_gap_summary WHERE indicator = $1 AND area_set = $2 AND period = $3 LIMIT 1",
    [id, areaType, chosen],
  );
  const inequality = await warehouse.rows(
    `SELECT period, quantile_scheme, deprivation_edition, groups, sii, sii_lower95, sii_upper95, rii, rii_lower95, rii_upper95,
            most_deprived_value, rest_value, most_deprived_gap, most_deprived_ratio, seed, simulations, note
     FROM indicator_inequality WHERE indicator = $1 ORDER BY period DESC, quantile_scheme`,
    [id],
  );
  return { indicator, period: chosen, areas, summary: summary ?? null, inequality };
}

/** Catalogue rows with the area types and latest period that have values, for `ntg indicator --list`. */
export async function listIndicators(warehouse: Warehouse) {
  return warehouse.table(
    `SELECT n.id, n.name, n.theme, n.polarity, n.value_type, n.unit,
            string_agg(DISTINCT c.area_type, ', ' ORDER BY c.area_type) AS levels,
            arg_max(c.period, c.period_year) AS latest_period
     FROM indicator n JOIN indicator_comparison c ON c.indicator = n.id AND c.value IS NOT NULL
     GROUP BY ALL ORDER BY n.theme, n.id`,
  );
}
