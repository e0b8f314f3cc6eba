/**
 * Small hand-made inputs for every chart component, shared by the golden, description and escaping tests.
 * Values are invented but shaped like the real indicators (percentages with intervals, rates, deciles).
 */
import type {
  AllocationRow,
  BarRow,
  DecileRow,
  GeoFeature,
  MapProperties,
  PyramidRow,
  RugInput,
  SpineRow,
  TrendPoint,
} from "../../../notebooks/components/index.ts";

export const BAR_ROWS: BarRow[] = [
  { code: "L01", name: "Nuneaton East", value: 24.1, lower: 21.9, upper: 26.4, benchmark: "worse" },
  { code: "L02", name: "Kenilworth", value: 13.4, lower: 11.0, upper: 16.1, benchmark: "better" },
  { code: "L03", name: "Rugby Town", value: 18.2, lower: 16.0, upper: 20.5, benchmark: "similar" },
  { code: "L04", name: "Southam and the East", value: null },
  { code: "L05", name: "Bedworth West", value: 20.5, lower: 18.1, upper: 22.9, benchmark: "not compared" },
];

export const SPINE_ROWS: SpineRow[] = [
  {
    id: "low-income",
    name: "Children in low income families (under 16s)",
    polarity: "low-is-good",
    unit: "%",
    value: 24.1,
    county: 14.2,
    england: 17.0,
    min: 3.2,
    q25: 9.8,
    q75: 19.4,
    max: 31.5,
    benchmark: "worse",
  },
  {
    id: "dental",
    name: "Five year old children free from dental decay",
    polarity: "high-is-good",
    unit: "%",
    value: 78.2,
    county: 80.1,
    england: 76.6,
    min: 60.2,
    q25: 72.0,
    q75: 81.0,
    max: 88.9,
    benchmark: "similar",
  },
  {
    id: "alcohol",
    name: "Admission episodes for alcohol-related conditions",
    polarity: "low-is-good",
    unit: "per 100,000",
    value: 412.5,
    county: 455.0,
    england: 494.0,
    min: 320.4,
    q25: 401.0,
    q75: 520.0,
    max: 702.1,
    benchmark: "better",
  },
  {
    id: "older",
    name: "Population aged 65 and over",
    polarity: "none",
    unit: "%",
    value: 21.3,
    county: 20.5,
    england: 18.4,
    min: 14.0,
    q25: 17.5,
    q75: 22.0,
    max: 29.0,
    benchmark: "higher",
  },
  {
    id: "excess-weight",
    name: "Excess weight, Year 6",
    polarity: "low-is-good",
    unit: "%",
    value: null,
    county: 33.1,
    england: 35.2,
    min: null,
    q25: null,
    q75: null,
    max: null,
    benchmark: "not compared",
  },
];

export const RUG_INPUT: RugInput = {
  areas: [
    { code: "L01", name: "Nuneaton East" },
    { code: "L02", name: "Kenilworth" },
    { code: "L03", name: "Rugby Town" },
  ],
  indicators: [
    { id: "low-income", name: "Children in low income families" },
    { id: "dental", name: "Free from dental decay, age 5" },
  ],
  cells: [
    { area: "L01", indicator: "low-income", value: 24.1, benchmark: "worse" },
    { area: "L02", indicator: "low-income", value: 13.4, benchmark: "better" },
    { area: "L03", indicator: "low-income", value: 18.2, benchmark: "similar" },
    { area: "L01", indicator: "dental", value: 70.2, benchmark: "worse" },
    { area: "L02", indicator: "dental", value: 84.5, benchmark: "best" },
  ],
};

export const TREND_POINTS: TrendPoint[] = [2015, 2016, 2017, 2018, 2019].map((year, index) => {
  const value = index === 2 ? null : 22 - index * 1.1;
  return {
    period: `${year}/${String(year + 1).slice(2)}`,
    year,
    value,
    lower: value === null ? null : value - 1.5,
    upper: value === null ? null : value + 1.5,
  };
});

export const TREND_OPTIONS = {
  title: "Children in low income families, Nuneaton and Bedworth",
  unit: "%",
  label: "Nuneaton and Bedworth",
  polarity: "low-is-good" as const,
  comparators: [
    {
      label: "Warwickshire",
      points: [2015, 2016, 2017, 2018, 2019].map((year, index) => ({ year, value: 15 - index * 0.5 })),
    },
  ],
  target: { year: 2022, value: 16, label: "LAA target" },
  forecast: [
    { year: 2020, value: 17.3, lower: 16.5, upper: 18.1 },
    { year: 2022, value: 15.6, lower: 14.0, upper: 17.2 },
  ],
};

export const DECILE_ROWS: DecileRow[] = [31.2, 27.5, 24.9, 22.0, 19.4, 17.7, 15.1, 13.9, 12.2, 10.8].map(
  (value, index) => ({
    decile: index + 1,
    value: index === 4 ? null : value,
    lower: value - 1.8,
    upper: value + 1.9,
    population: 10_000 + index * 500,
  }),
);

export const DECILE_SII = { intercept: 31.5, slope: -22.4, sii: -22.4, lowerSii: -24.9, upperSii: -19.8 };

/** A unit square with its lower-left corner at (x, y), wound clockwise as d3 expects. */
export function square(x: number, y: number, size = 1): GeoFeature["geometry"] {
  return {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x, y + size],
        [x + size, y + size],
        [x + size, y],
        [x, y],
      ],
    ],
  };
}

/** A 2×2 grid of 0.01° squares near Warwick: A bottom-left, B bottom-right, C top-left, D top-right. */
export const GRID_FEATURES: GeoFeature<MapProperties>[] = [
  {
    type: "Feature",
    properties: { code: "A", name: "Area A", value: 12 },
    geometry: square(-1.6, 52.3, 0.01),
  },
  {
    type: "Feature",
    properties: { code: "B", name: "Area B", value: 27.5 },
    geometry: square(-1.59, 52.3, 0.01),
  },
  {
    type: "Feature",
    properties: { code: "C", name: "Area C", value: 41 },
    geometry: square(-1.6, 52.31, 0.01),
  },
  {
    type: "Feature",
    properties: { code: "D", name: "Area D", value: null },
    geometry: square(-1.59, 52.31, 0.01),
  },
];

const DISTRICTS = [
  ["E07000218", "North Warwickshire", [100_000, 118_000]],
  ["E07000219", "Nuneaton and Bedworth", [400_000, 312_000]],
  ["E07000220", "Rugby", [100_000, 132_000]],
  ["E07000221", "Stratford-on-Avon", [100_000, 96_000]],
  ["E07000222", "Warwick", [100_000, 142_000]],
] as const;

export const ALLOCATION_ROWS: AllocationRow[] = DISTRICTS.flatMap(([code, name, amounts]) =>
  ["2008/09 actual", "By income need"].map((scenario, index) => ({
    code,
    name,
    scenario,
    amount: amounts[index] ?? 0,
    perHead: (amounts[index] ?? 0) / 100_000,
  })),
);

const BANDS = ["0-15", "16-64", "65+"];
export const PYRAMID_ROWS: PyramidRow[] = BANDS.flatMap((age, index) => [
  { age, sex: "Male" as const, population: [3000, 9000, 2000][index] ?? 0 },
  { age, sex: "Female" as const, population: [2900, 9100, 2600][index] ?? 0 },
]);
export const PYRAMID_COMPARATOR: PyramidRow[] = BANDS.flatMap((age, index) => [
  { age, sex: "Male" as const, population: [100, 320, 90][index] ?? 0 },
  { age, sex: "Female" as const, population: [95, 320, 105][index] ?? 0 },
]);
