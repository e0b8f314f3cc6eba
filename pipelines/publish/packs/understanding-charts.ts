/**
 * The charts of stage 1: the small areas of the focus areas by national deprivation decile with their
 * outlines, the average IMD score of each area against the county, the share of small areas among the
 * 20% most deprived across the editions, and each indicator's gradient across deprivation deciles (SII).
 */
import {
  barWithIntervals,
  choropleth,
  decileChart,
  trendChart,
} from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { highlightedLabel, shortName } from "./pack-format.ts";
import { type Block, findTable } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

export function mapBlock(data: PackData): Block[] {
  if (!data.map) return [];
  const edition = data.context.plan.deprivation.edition;
  return [
    {
      kind: "chart",
      chart: choropleth(data.map.features, {
        id: "imd-map",
        title: `Small areas by national deprivation decile (IMD ${edition}), with ${data.map.outlineLabel.toLowerCase()} boundaries`,
        thresholds: [3, 5, 7, 9],
        polarity: "high-is-good",
        legendTitle: "IMD decile (1 = most deprived 10% in England)",
        outlines: data.map.outlines,
        outlineLabel: data.map.outlineLabel,
        labels: data.map.outlines.length <= 8 ? "all" : true,
        width: 680,
        height: 440,
      }),
    },
  ];
}

export function scoreChart(data: PackData): Block[] {
  const table = findTable(data, "deprivation-summary");
  if (!table) return [];
  const county = table.rows.find((row) => row.area_code === data.context.county.code);
  const bars = table.rows
    .filter((row) => row.area_code !== data.context.county.code)
    .map((row) => {
      const name = String(row.area_name);
      const highlighted = row.area_code === data.context.headline.code;
      return {
        code: String(row.area_code),
        name: highlighted ? highlightedLabel(name) : name,
        value: numeric(row.average_score),
      };
    });
  const countyScore = numeric(county?.average_score);
  if (bars.length < 2) return [];
  return [
    {
      kind: "chart",
      chart: barWithIntervals(bars, {
        id: "imd-scores",
        title: `Average IMD ${data.context.plan.deprivation.edition} score (higher is more deprived)`,
        ...(countyScore !== null
          ? { comparator: { label: data.context.county.name, value: countyScore } }
          : {}),
        highlight: data.context.headline.code,
        width: 680,
      }),
    },
  ];
}

export function trendBlock(data: PackData): Block[] {
  const table = findTable(data, "deprivation-trend");
  if (!table) return [];
  const series = (code: string) =>
    table.rows
      .filter((row) => row.area_code === code)
      .map((row) => ({
        period: `IMD ${row.edition}`,
        year: Number(row.edition),
        value: share(row.share_lsoas_most_deprived_20),
      }));
  const headline = series(data.context.headline.code);
  if (headline.length < 2) return [];
  const county =
    data.context.headline.code === data.context.county.code ? [] : series(data.context.county.code);
  return [
    {
      kind: "chart",
      chart: trendChart(headline, {
        id: "deprivation-trend",
        title: `${data.context.headline.name}: share of small areas among the 20% most deprived in England`,
        unit: "%",
        label: data.context.headline.name,
        comparators: county.length ? [{ label: data.context.county.name, points: county }] : [],
        width: 680,
      }),
    },
  ];
}

function share(value: unknown): number | null {
  const number = numeric(value);
  return number === null ? null : number * 100;
}

export function inequalityBlocks(data: PackData): Block[] {
  const table = findTable(data, "inequality");
  if (!table) return [];
  return table.rows.slice(0, 2).flatMap((row): Block[] => {
    const groups = JSON.parse(String(row.group_values ?? "[]")) as Record<string, number | null>[];
    const sii = numeric(row.sii);
    const intercept = numeric(row.intercept);
    return [
      {
        kind: "chart",
        chart: decileChart(
          groups.map((group) => ({
            decile: Number(group.quantile),
            value: group.value ?? null,
            lower: group.lower95 ?? null,
            upper: group.upper95 ?? null,
            population: group.denominator ?? 0,
          })),
          {
            id: `sii-${String(row.indicator)}`,
            title: `${shortName(String(row.indicator_name))} by national deprivation decile, ${data.context.county.name} (${String(row.period)})`,
            unit: String(row.unit ?? ""),
            ...(sii !== null && intercept !== null
              ? {
                  sii: {
                    intercept,
                    slope: sii,
                    sii,
                    lowerSii: numeric(row.sii_lower95),
                    upperSii: numeric(row.sii_upper95),
                  },
                }
              : {}),
            width: 680,
          },
        ),
      },
    ];
  });
}
