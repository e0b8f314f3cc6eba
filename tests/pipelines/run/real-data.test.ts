import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

const dist = inject("realDist");
const skipReason = inject("realDataSkipReason");
if (!dist) console.log(`real-data foundation tests skipped: ${skipReason}`);

describe.skipIf(!dist)("ntg run on the real data in ../shared/data", () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await Warehouse.open(path.join(dist, "warehouse.duckdb"), { readOnly: true });
  });
  afterAll(() => warehouse?.close());

  it("prints rows loaded and rejected for every source", () => {
    const log = readFileSync(path.join(dist, "run.log"), "utf8");
    expect(log).toMatch(/imd2019-domains\s+32,844 read\s+262,752 loaded\s+0 rejected/);
    expect(log).toMatch(/ons-lsoa11-ward19-lad19\s+34,753 read\s+34,753 loaded\s+0 rejected/);
    expect(log).toMatch(/fingertips-district-timeseries\s+51,442 read\s+49,328 loaded\s+2,114 rejected/);
    expect(log).toMatch(/rejected rows by reason/);
    console.log(`ntg run on the real data took ${inject("realRunSeconds").toFixed(1)} s`);
  });

  it("finds Warwickshire's 339 LSOAs of 2011 in the county", async () => {
    const count = await warehouse.scalar<number>(
      "select count(*) from area where type='lsoa11' and code in (select child from area_link where parent='E10000031')",
    );
    expect(count).toBe(339);
  });

  it("maps every Warwickshire LSOA to exactly one of 23 localities and one of 5 districts", async () => {
    const rows = await warehouse.rows<{ localities: number; districts: number; lsoas: number }>(`
      select localities, districts, count(*) as lsoas from (
        select child, count(*) filter (where parent_type = 'locality') as localities, count(*) filter (where parent_type = 'district') as districts
        from area_link where child_type = 'lsoa11' and child in (select child from area_link where parent = 'E10000031') group by child)
      group by all`);
    expect(rows).toEqual([{ localities: 1, districts: 1, lsoas: 339 }]);
    const counts = await warehouse.rows<{ localities: number; districts: number }>(`
      select count(distinct parent) filter (where parent_type = 'locality') as localities, count(distinct parent) filter (where parent_type = 'district') as districts
      from area_link where child_type = 'lsoa11' and child in (select child from area_link where parent = 'E10000031')`);
    expect(counts).toEqual([{ localities: 23, districts: 5 }]);
  });

  it("makes locality populations sum to the county total (577,933 at mid-2019; 555,154 in IoD File 6)", async () => {
    for (const [period, total] of [
      ["2019", 577_933],
      ["mid-2015", 555_154],
    ] as const) {
      const sums = await warehouse.rows<{ localities: number; county: number }>(
        `select
           (select sum(p.population * l.weight) from population p join area_link l on l.child = p.area_code and l.child_type = 'lsoa11' and l.parent_type = 'locality'
            where p.age_band = 'all' and p.period = $1 and l.parent in (select child from area_link where parent = 'E10000031')) as localities,
           (select sum(p.population) from population p join area_link l on l.child = p.area_code and l.child_type = 'lsoa11' and l.parent = 'E10000031'
            where p.age_band = 'all' and p.period = $1) as county`,
        [period],
      );
      expect(sums[0]).toEqual({ localities: total, county: total });
    }
  });

  it("keeps provenance for every source, with the sha256 from its manifest", async () => {
    const sources = await warehouse.rows<{ id: string; sha256: string; publisher: string; licence: string }>(
      "select id, sha256, publisher, licence from source",
    );
    expect(sources.length).toBe(26);
    const file2 = sources.find((s) => s.id === "imd2019-domains")!;
    expect(file2.sha256).toBe("79753957098266a1c61e43df43ef9ed081ee370731f6a2decd5f73ab2821b76f");
    for (const source of sources) expect(source.licence).toMatch(/Open Government Licence/);
  });

  it("loads suppressed and missing values as NULL with a note, never zero", async () => {
    const missing = await warehouse.rows<{ n: number; zeros: number; noted: number }>(
      "select count(*) as n, count(*) filter (where value = 0) as zeros, count(note) as noted from observation where source = 'fingertips-district-timeseries' and value is null",
    );
    expect(missing[0]!.n).toBeGreaterThan(0);
    expect(missing[0]!.noted).toBe(missing[0]!.n);
  });
});
