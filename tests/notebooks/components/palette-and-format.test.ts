/**
 * The benchmark palette meets its promises (WCAG AA text contrast for the chosen ink, distinct lightness
 * for better / similar / worse so greyscale prints separate them, a different shape for every label), and
 * the number formatting and map classes are readable British English.
 */
import { describe, expect, it } from "vitest";
import {
  BENCHMARK_COLOURS,
  BENCHMARK_INK,
  BENCHMARK_SYMBOLS,
  type BenchmarkLabel,
  classLabels,
  decimalsFor,
  formatNumber,
  formatValue,
  niceThresholds,
} from "../../../notebooks/components/index.ts";

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((value) =>
    value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** CIE L* (0 black … 100 white): what a greyscale print shows. */
const lightness = (hex: string) => 116 * Math.cbrt(luminance(hex)) - 16;

describe("benchmark palette", () => {
  const labels = Object.keys(BENCHMARK_COLOURS) as BenchmarkLabel[];

  it("gives every label an ink with at least 4.5:1 contrast on its colour", () => {
    for (const label of labels)
      expect(contrast(BENCHMARK_COLOURS[label], BENCHMARK_INK[label]), label).toBeGreaterThanOrEqual(4.5);
  });

  it("separates better, similar and worse by at least 15 L* in greyscale", () => {
    const [better, similar, worse] = (["better", "similar", "worse"] as const).map((label) =>
      lightness(BENCHMARK_COLOURS[label]),
    );
    expect(Math.abs((better ?? 0) - (similar ?? 0))).toBeGreaterThan(15);
    expect(Math.abs((similar ?? 0) - (worse ?? 0))).toBeGreaterThan(15);
    expect(Math.abs((better ?? 0) - (worse ?? 0))).toBeGreaterThan(15);
  });

  it("gives every label its own shape", () => {
    expect(new Set(labels.map((label) => BENCHMARK_SYMBOLS[label])).size).toBe(labels.length);
  });
});

describe("number formatting", () => {
  it("uses en-GB grouping and fixed decimals", () => {
    expect(formatNumber(1234567.891, 1)).toBe("1,234,567.9");
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(formatNumber(null, 1)).toBe("no data");
    expect(formatValue(24.123, 1, "%")).toBe("24.1%");
    expect(formatValue(312.5, 1, "per 100,000")).toBe("312.5 per 100,000");
  });

  it("chooses decimals from the data", () => {
    expect(decimalsFor([1, 2, 3])).toBe(0);
    expect(decimalsFor([12.34, 8.9])).toBe(1);
    expect(decimalsFor([1500.5])).toBe(0);
    expect(decimalsFor([0.034, 0.012])).toBe(3);
  });
});

describe("map classes", () => {
  it("puts equal-interval thresholds on a nice step", () => {
    expect(niceThresholds([3, 48])).toEqual([10, 20, 30, 40]);
    expect(niceThresholds([0.12, 0.31])).toEqual([0.15, 0.2, 0.25, 0.3]);
  });

  it("labels continuous classes by their bounds and whole-number classes by their values", () => {
    expect(classLabels([10, 20], [3.5, 12, 25], 1, "%")).toEqual([
      "Under 10.0%",
      "10.0% to under 20.0%",
      "20.0% and over",
    ]);
    expect(classLabels([2, 3, 6], [1, 2, 4, 5, 9, 10], 0, "")).toEqual(["1", "2", "3 to 5", "6 to 10"]);
  });
});
