/**
 * Packs from a copy of the real warehouse made hostile (skipped, with the reason printed, without the
 * real data): an area named `<script>alert(1)</script>` appears only as escaped text in the HTML; a name
 * that is a spreadsheet formula is neutralised in the CSV and the XLSX; without the target tables the
 * forecast stage says so plainly; `ntg pack` without Chromium still writes the pack and says how to get
 * the PDF; with Chromium, pack.pdf has A4 pages numbered "Page n of m" under a header with the plan title.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { toolVersion } from "../../../pipelines/cli/version.ts";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { buildPack } from "../../../pipelines/publish/packs/build-pack.ts";
import { CHROMIUM_PATH } from "../../../pipelines/publish/packs/pack-pdf.ts";
import { findPlan } from "../../../pipelines/publish/packs/read-plans.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { copyOfRealDist, EVIL_NAME, FORMULA_NAME, makeHostile, shippedPlans } from "./pack-fixture.ts";
import { parseCsv, readXlsx } from "./pack-readers.ts";

const dist = inject("realDist");
if (!dist) console.log(`hostile evidence pack tests skipped: ${inject("realDataSkipReason")}`);
const chromiumSkip = existsSync(CHROMIUM_PATH) ? "" : `${CHROMIUM_PATH} is absent (apt-get install chromium)`;
if (dist && chromiumSkip) console.log(`pack.pdf test skipped: ${chromiumSkip}`);

const PLAN = "brunswick-and-crown";

async function build(folder: string, pdf: boolean) {
  const warehouse = await Warehouse.open(path.join(folder, "warehouse.duckdb"), { readOnly: true });
  try {
    return await buildPack(warehouse, findPlan(shippedPlans(), PLAN), {
      distDir: folder,
      toolVersion: toolVersion(),
      pdf,
    });
  } finally {
    warehouse.close();
  }
}

describe.skipIf(!dist)("evidence packs from hostile data", () => {
  const folders: string[] = [];
  let hostile: string;
  beforeAll(async () => {
    hostile = copyOfRealDist(dist);
    folders.push(hostile);
    await makeHostile(hostile);
    await build(hostile, false);
  });
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const packFile = (folder: string, name: string) =>
    readFileSync(path.join(folder, "packs", PLAN, name), "utf8");

  it("shows an area named <script>alert(1)</script> as text, never as markup", () => {
    const html = packFile(hostile, "index.html");
    expect(html).not.toContain(EVIL_NAME);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; (WCC-P01)");
    expect(packFile(hostile, "manifest.json")).toContain(JSON.stringify(EVIL_NAME));
  });

  it("neutralises a name that is a spreadsheet formula in the CSV and the XLSX", () => {
    const csv = parseCsv(packFile(hostile, "allocations.csv"));
    const names = csv.map((row) => row[csv[0]!.indexOf("name")]);
    expect(names).toContain(`'${FORMULA_NAME}`);
    expect(names).not.toContain(FORMULA_NAME);
    const sheet = readXlsx(readFileSync(path.join(hostile, "packs", PLAN, "data.xlsx"))).get("allocations")!;
    const cells = sheet.flat();
    expect(cells).toContain(`'${FORMULA_NAME}`);
    expect(cells).not.toContain(FORMULA_NAME);
  });

  it("says plainly that there are no targets when the target tables are absent", async () => {
    const folder = copyOfRealDist(dist);
    folders.push(folder);
    await makeHostile(folder, { dropTargets: true });
    const result = await build(folder, false);
    expect(result.files).not.toContain("forecasts.csv");
    const html = packFile(folder, "index.html");
    const stage3 = html.slice(html.indexOf('id="forecast"'), html.indexOf('id="intervene"'));
    expect(stage3).toContain("No targets configured for these indicators.");
  });

  it("ntg pack without Chromium writes the pack and says how to get the PDF", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "bin", "ntg.mjs"), "pack", PLAN, "--dist", hostile],
      {
        encoding: "utf8",
        env: { ...process.env, NTG_CHROMIUM: "/nonexistent/chromium" },
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/pack brunswick-and-crown: .* no pack\.pdf/);
    expect(run.stderr).toMatch(/apt-get install chromium/);
    expect(existsSync(path.join(hostile, "packs", PLAN, "pack.pdf"))).toBe(false);
    expect(existsSync(path.join(hostile, "packs", PLAN, "index.html"))).toBe(true);
    expect(existsSync(path.join(hostile, "packs", `${PLAN}.zip`))).toBe(true);
  });

  it.skipIf(chromiumSkip !== "")(
    "renders pack.pdf: A4 pages, numbered, the plan title in the header",
    async () => {
      const result = await build(hostile, true);
      expect(result.pdf.written).toBe(true);
      if (!result.pdf.written) return;
      expect(result.pdf.pages).toBeGreaterThan(10);
      const pdf = readFileSync(path.join(hostile, "packs", PLAN, "pack.pdf"));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString("latin1"));
      // A4 is 595.28 × 841.89 points; Chromium rounds the page size to its own units.
      expect(Math.abs(Number(box?.[1]) - 595.28)).toBeLessThan(2);
      expect(Math.abs(Number(box?.[2]) - 841.89)).toBeLessThan(2);
      const text = spawnSync(
        "pdftotext",
        ["-f", "1", "-l", "2", path.join(hostile, "packs", PLAN, "pack.pdf"), "-"],
        { encoding: "utf8" },
      );
      if (text.status === 0) {
        expect(text.stdout).toContain(`Page 1 of ${result.pdf.pages}`);
        expect(text.stdout).toContain("Brunswick and Crown priority area (Leamington)");
        expect(text.stdout).toContain(EVIL_NAME);
      } else console.log("pdftotext is absent (apt-get install poppler-utils): PDF text not checked");
    },
  );
});
