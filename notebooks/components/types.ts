/**
 * The shapes every chart component shares: what a chart returns (SVG markup plus its text alternatives)
 * and the benchmark labels the statistics models produce. Components are pure functions from plain arrays
 * to a `ChartOutput`; the page renderer decides where the markup, description and table go.
 */
import type { BenchmarkResult, Polarity } from "../../models/index.ts";

/** The outcome of comparing an area with a comparator (the same words as `models` `benchmark()`). */
export type BenchmarkLabel = BenchmarkResult;

export type { Polarity };

/** A plain data table: the accessible alternative to a chart, and what a page offers as CSV. */
export interface DataTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ChartOutput {
  /** A self-contained `<svg>`: xmlns set, `role="img"`, `<title>` and `<desc>` linked by aria-labelledby. */
  svg: string;
  /** The chart's title (also the SVG's `<title>`). */
  title: string;
  /** A plain-language summary generated from the data (also the SVG's `<desc>`). */
  description: string;
  table: DataTable;
}

/** Options every component accepts. */
export interface CommonChartOptions {
  /**
   * Prefix for the ids inside the SVG (title, description, patterns, clip paths). Give each chart on a page
   * its own; the default is derived from the title, so two charts with one title on a page need ids.
   */
  id?: string;
  /** Width in pixels (the SVG scales down to its container). */
  width?: number;
  /** Draw the title as visible text at the top of the SVG (default true). */
  showTitle?: boolean;
  /** Decimal places for values; by default chosen from the data (see `decimalsFor`). */
  decimals?: number;
}
