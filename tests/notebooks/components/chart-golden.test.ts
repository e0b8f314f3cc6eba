/**
 * Golden SVG tests: each chart on its fixture must match tests/notebooks/components/golden/<name>.svg after
 * normalisation (numbers to 2 decimals, ids renumbered). Regenerate after an intended change with
 * `UPDATE_GOLDEN=1 npx vitest run tests/notebooks/components` and review the diff. Also: output is
 * well-formed standalone XML, accessible (role, title, desc), script-free and deterministic, and Plot
 * printed no warnings.
 */
import { describe, expect, it } from "vitest";
import { plotWarnings } from "../../../notebooks/components/plot-document.ts";
import { CHART_CASES } from "./chart-cases.ts";
import { accessibilityOf, assertWellFormedXml, expectGolden } from "./svg-checks.ts";

describe.each(Object.entries(CHART_CASES))("%s", (name, render) => {
  it("matches its golden SVG", () => {
    expectGolden(name, render().svg);
  });

  it("is well-formed, standalone, accessible XML without scripts", () => {
    const warningsBefore = plotWarnings.length;
    const chart = render();
    expect(plotWarnings.slice(warningsBefore)).toEqual([]);
    assertWellFormedXml(chart.svg);
    const { root, labelledBy, title, desc } = accessibilityOf(chart.svg);
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(root).toContain('role="img"');
    expect(labelledBy).toHaveLength(2);
    expect(title).toBe(chart.title);
    expect(desc).toBe(chart.description);
    expect(chart.svg).not.toMatch(/<script|<foreignObject|\son[a-z]+="/i);
    expect(chart.svg).not.toContain("\u26a0");
  });

  it("renders the same markup every time, whatever was rendered before", () => {
    const first = render().svg;
    for (const other of Object.values(CHART_CASES)) other();
    expect(render().svg).toBe(first);
  });

  it("has a description and a table whose rows match its columns", () => {
    const chart = render();
    expect(chart.description.length).toBeGreaterThan(20);
    expect(chart.table.rows.length).toBeGreaterThan(0);
    for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
  });
});
