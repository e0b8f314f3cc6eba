import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject, LOCALITIES_CSV } from "../../helpers/fixture-project.ts";

async function withWarehouse<T>(
  project: FixtureProject,
  use: (warehouse: Warehouse) => Promise<T>,
): Promise<T> {
  const warehouse = await Warehouse.open(path.join(project.distDir, "warehouse.duckdb"), { readOnly: true });
  try {
    return await use(warehouse);
  } finally {
    warehouse.close();
  }
}

describe("areas, lookups and localities", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("links every small area directly to each ancestor, so a roll-up is one join", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    await withWarehouse(project, async (warehouse) => {
      const ancestors = await warehouse.rows<{
        parent_type: string;
        parent: string;
        weight: number;
        method: string;
      }>(
        "SELECT parent_type, parent, weight, method FROM area_link WHERE child = 'E01000004' AND child_type = 'lsoa11' ORDER BY parent_type",
      );
      expect(ancestors).toEqual([
        { parent_type: "country", parent: "E92000001", weight: 1, method: "best-fit" },
        { parent_type: "county", parent: "E10000001", weight: 1, method: "best-fit" },
        { parent_type: "district", parent: "E07000002", weight: 1, method: "best-fit" },
        { parent_type: "locality", parent: "L03", weight: 1, method: "best-fit" },
        { parent_type: "region", parent: "E12000001", weight: 1, method: "best-fit" },
        { parent_type: "ward19", parent: "E05000003", weight: 1, method: "best-fit" },
      ]);
      const inCounty = await warehouse.scalar<number>(
        "SELECT count(*) FROM area WHERE type = 'lsoa11' AND code IN (SELECT child FROM area_link WHERE parent = 'E10000001')",
      );
      expect(inCounty).toBe(5);
      const locality = await warehouse.rows<{ name: string; illustrative: boolean }>(
        "SELECT name, illustrative FROM area WHERE code = 'L03'",
      );
      expect(locality).toEqual([{ name: "Beta Town", illustrative: true }]);
    });
  });

  it("rejects locality rows whose ward is unknown, in another district, or already assigned", async () => {
    project = createFixtureProject();
    const text = `${LOCALITIES_CSV}E05099999,Nowhere,L04,Lost,E07000001\nE05000003,East Ward,L04,Lost,E07000001\nE05000001,North Ward,L02,Southside,E07000001\n`;
    writeFileSync(path.join(project.sourcesDir, "localities.csv"), text);
    expect((await project.ntg("load")).code).toBe(0);
    await withWarehouse(project, async (warehouse) => {
      const rejects = await warehouse.rows<{ line: number; reason: string }>(
        "SELECT line, reason FROM reject WHERE source = 'test-localities' ORDER BY line, reason",
      );
      // Line 7 breaks two rules: East Ward is in the other district and is already in locality L03.
      expect(rejects.map((r) => r.line)).toEqual([6, 7, 7, 8]);
      expect(rejects[0]!.reason).toMatch(/unknown area code/);
      expect(rejects[1]!.reason).toMatch(/member already assigned on line 4/);
      expect(rejects[2]!.reason).toMatch(/not in this district \(the lookups place it in E07000002\)/);
      expect(rejects[3]!.reason).toMatch(/member already assigned on line 2/);
    });
  });

  it("builds the same content when the same sources are loaded twice", async () => {
    project = createFixtureProject();
    const snapshot = async () => {
      expect((await project.ntg("load", "--force")).code).toBe(0);
      return withWarehouse(project, async (warehouse) => ({
        areas: await warehouse.rows("SELECT * FROM area ORDER BY type, code"),
        links: await warehouse.rows(
          "SELECT * FROM area_link ORDER BY child_type, child, parent_type, parent",
        ),
        // Where the file came from differs (mirror, then cache); the content must not.
        sources: await warehouse.rows(
          "SELECT * EXCLUDE (loaded_at, origin, origin_path) FROM source ORDER BY id",
        ),
      }));
    };
    const first = await snapshot();
    const second = await snapshot();
    expect(second).toEqual(first);
    expect(first.areas.length).toBeGreaterThan(10);
  });
});
