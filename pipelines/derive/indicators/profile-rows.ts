/**
 * The indicator rows of one area's profile: every indicator with a value row for the area at its latest
 * period (or at a given period), with interval, comparators, benchmark labels, ranks, trend and notes, read
 * from `indicator_comparison`, `indicator_value` and the catalogue. Ordered by theme, then name.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";

export interface ProfileRow {
  theme: string | null;
  indicator: string;
  name: string;
  unit: string | null;
  polarity: string;
  period: string;
  sex: string;
  age: string;
  value: number | null;
  /** The area's value at its previous period with a value (e.g. Census 2011 before 2021). */
  previous_value: number | null;
  previous_period: string | null;
  lower95: number | null;
  upper95: number | null;
  numerator: number | null;
  denominator: number | null;
  county_value: number | null;
  england_value: number | null;
  gap_to_county: number | null;
  gap_to_england: number | null;
  benchmark_county: string | null;
  benchmark_england: string | null;
  benchmark_county_5: string | null;
  benchmark_england_5: string | null;
  published_comparison: string | null;
  peer_group: string | null;
  peer_rank: number | null;
  peer_count: number | null;
  rank_state: string | null;
  national_rank: number | null;
  national_count: number | null;
  trend_label: string;
  trend_note: string | null;
  benchmark_note: string | null;
  source: string | null;
  note: string | null;
}

export async function readProfileRows(
  warehouse: Warehouse,
  code: string,
  type: string,
  period: string | null,
): Promise<ProfileRow[]> {
  return warehouse.rows<ProfileRow & Record<string, unknown>>(
    `SELECT n.theme, c.indicator, coalesce(n.name, c.indicator) AS name, n.unit, coalesce(n.polarity, 'none') AS polarity,
            c.period, c.sex, c.age, c.value, p.previous_value, p.previous_period, c.lower95, c.upper95, v.numerator, v.denominator,
            c.county_value, c.england_value, c.gap_to_county, c.gap_to_england,
            c.benchmark_county, c.benchmark_england, c.benchmark_county_5, c.benchmark_england_5, c.published_comparison,
            c.peer_group, c.peer_rank, c.peer_count, c.rank_state, c.national_rank, c.national_count,
            c.trend_label, c.trend_note, c.benchmark_note, v.source, v.note
     FROM indicator_comparison c
     LEFT JOIN indicator n ON n.id = c.indicator
     LEFT JOIN indicator_value v ON v.indicator = c.indicator AND v.area_code = c.area_code AND v.area_type = c.area_type
      AND v.period = c.period AND v.sex = c.sex AND v.age = c.age
     LEFT JOIN (
       SELECT q.indicator, q.sex, q.age, q.period_year,
              lag(q.value) OVER w AS previous_value, lag(q.period) OVER w AS previous_period
       FROM indicator_comparison q
       WHERE q.area_code = $code AND q.area_type = $type AND q.value IS NOT NULL
       WINDOW w AS (PARTITION BY q.indicator, q.sex, q.age ORDER BY q.period_year, q.period)
     ) p ON p.indicator = c.indicator AND p.sex = c.sex AND p.age = c.age AND p.period_year = c.period_year
     WHERE c.area_code = $code AND c.area_type = $type
       AND CASE WHEN CAST($period AS VARCHAR) IS NULL THEN c.is_latest ELSE c.period = CAST($period AS VARCHAR) END
     ORDER BY n.theme NULLS LAST, name, c.sex DESC, c.age`,
    { code, type, period },
  );
}
