/**
 * How `ntg indicator` prints a report: a text table of the areas (value, CI, benchmarks, rank, gap to the
 * county, contribution to the county's gap), the set's summary line and the inequality table; and the
 * columns its CSV output carries.
 */
import { formatRows } from "../../util/format-table.ts";
import type { IndicatorReport } from "./indicator-report.ts";
import { displayNumber } from "./profile-format.ts";

/** Columns of the CSV output: one row per area. */
export const AREA_COLUMNS = [
  "area_code",
  "area_name",
  "sex",
  "value",
  "lower95",
  "upper95",
  "benchmark_county",
  "benchmark_england",
  "peer_rank",
  "peer_count",
  "gap_to_county",
  "relative_gap_to_county",
  "gap_to_england",
  "population_share",
  "contribution_to_county_gap",
];

export function indicatorText(report: IndicatorReport): string {
  const { indicator, summary } = report;
  const number = (v: unknown) => displayNumber(v as number | null);
  const head = [
    `${indicator.name} (${indicator.id}), ${report.period}; ${indicator.polarity}; ${indicator.unit ?? indicator.value_type}`,
    summary
      ? `County ${number(summary.county_value) || "n/a"}, England ${number(summary.england_value) || "n/a"}; county gap to England ${number(summary.county_gap_to_england) || "n/a"}`
      : "",
  ];
  const rows = report.areas.map((a) => [
    a.area_code,
    a.area_name,
    a.sex === "Persons" ? "" : a.sex,
    number(a.value),
    a.lower95 !== null ? `${number(a.lower95)}–${number(a.upper95)}` : "",
    a.benchmark_county ?? "",
    a.benchmark_england ?? "",
    a.peer_rank !== null ? `${a.peer_rank} of ${a.peer_count}` : (a.rank_state ?? ""),
    number(a.gap_to_county),
    number(a.contribution_to_county_gap),
  ]);
  const table = formatRows(
    "table",
    [
      "code",
      "name",
      "sex",
      "value",
      "95% CI",
      "vs county",
      "vs England",
      "rank",
      "gap to county",
      "contribution to county gap",
    ],
    rows,
  );
  const lines = summary
    ? [
        `Best ${summary.best_code ?? "–"} ${number(summary.best_value)}, worst ${summary.worst_code ?? "–"} ${number(summary.worst_value)}; range ${number(summary.range)}, ratio ${number(summary.ratio)}; contributions add up to ${number(summary.contributions_total)}`,
      ]
    : [];
  const sii = report.inequality.map((r) => [
    r.period,
    r.quantile_scheme,
    r.deprivation_edition,
    r.groups,
    number(r.sii),
    r.sii_lower95 !== null ? `${number(r.sii_lower95)} to ${number(r.sii_upper95)}` : "",
    number(r.rii),
    number(r.most_deprived_value),
    number(r.rest_value),
    r.note ?? "",
  ]);
  const siiTable = sii.length
    ? `\nInequality across the county's LSOAs (SII seed ${report.inequality[0]!.seed}, ${report.inequality[0]!.simulations} draws):\n${formatRows("table", ["period", "scheme", "IoD", "groups", "SII", "95% CI", "RII", "most deprived quintile", "rest", "note"], sii)}`
    : "";
  return `${head.filter(Boolean).join("\n")}\n\n${table}${lines.join("\n")}\n${siiTable}`;
}
