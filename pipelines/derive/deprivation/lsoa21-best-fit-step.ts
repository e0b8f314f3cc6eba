/**
 * Derive step "2021 LSOA best fit": links each 2021 LSOA that has a boundary (and no links from a loaded
 * lookup) to the parents of its best-fit 2011 LSOA (see lsoa21-best-fit.ts for the rule). The match is
 * kept in `lsoa21_best_fit`; the links go into `area_link` as child_type 'lsoa21', method 'best-fit',
 * the 2011 LSOA's weight (1 unless the locality table splits it), source 'derive:lsoa21-best-fit'.
 * The summary line counts matches by containment and by the nearest-LSOA fallback.
 */
import { formatCount } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { BEST_FIT_LINK_SOURCE, BEST_FIT_TABLE_SQL } from "./derived-tables.ts";
import { type BoundaryPolygons, matchLsoa21ToLsoa11 } from "./lsoa21-best-fit.ts";
import { parsePolygons } from "./polygon-geometry.ts";
import { writeTemporaryTable } from "./write-columns.ts";

export const lsoa21BestFitStep: DeriveStep = {
  name: "2021 LSOA best fit",
  async run(warehouse) {
    await warehouse.run(BEST_FIT_TABLE_SQL);
    await warehouse.run("DELETE FROM area_link WHERE source = $1", [BEST_FIT_LINK_SOURCE]);
    const lsoas21 = await readPolygons(
      warehouse,
      `SELECT area_code, geometry FROM boundary b WHERE area_type = 'lsoa21'
         AND NOT EXISTS (SELECT 1 FROM area_link l WHERE l.child = b.area_code AND l.child_type = 'lsoa21')
       ORDER BY area_code`,
    );
    const lsoas11 = await readPolygons(
      warehouse,
      `SELECT area_code, geometry FROM boundary b WHERE area_type = 'lsoa11'
         AND EXISTS (SELECT 1 FROM area_link l WHERE l.child = b.area_code AND l.child_type = 'lsoa11')
       ORDER BY area_code`,
    );
    if (lsoas21.length === 0 || lsoas11.length === 0) {
      return `skipped: ${lsoas21.length} unlinked 2021 and ${lsoas11.length} linked 2011 LSOA boundaries`;
    }
    const matches = matchLsoa21ToLsoa11(lsoas21, lsoas11);
    await writeTemporaryTable(warehouse, "lsoa21_matches", {
      lsoa21: { type: "VARCHAR", values: matches.map((m) => m.lsoa21) },
      lsoa11: { type: "VARCHAR", values: matches.map((m) => m.lsoa11) },
      rule: { type: "VARCHAR", values: matches.map((m) => m.rule) },
      point_lon: { type: "DOUBLE", values: matches.map((m) => m.point[0]) },
      point_lat: { type: "DOUBLE", values: matches.map((m) => m.point[1]) },
      distance_km: { type: "DOUBLE", values: matches.map((m) => m.distanceKm) },
    });
    await warehouse.run("INSERT INTO lsoa21_best_fit SELECT * FROM lsoa21_matches ORDER BY lsoa21");
    await warehouse.run("DROP TABLE lsoa21_matches");
    await warehouse.run(
      `INSERT INTO area_link (child, child_type, parent, parent_type, weight, method, source)
       SELECT f.lsoa21, 'lsoa21', l.parent, l.parent_type, l.weight, 'best-fit', $1
       FROM lsoa21_best_fit f JOIN area_link l ON l.child = f.lsoa11 AND l.child_type = 'lsoa11'
       ORDER BY l.parent_type, l.parent, f.lsoa21`,
      [BEST_FIT_LINK_SOURCE],
    );
    return describeMatches(warehouse, matches.length);
  },
};

async function readPolygons(warehouse: Warehouse, sql: string): Promise<BoundaryPolygons[]> {
  const { rows } = await warehouse.table(sql);
  return rows.map(([code, geometry]) => ({
    code: code as string,
    polygons: parsePolygons(geometry as string, `boundary ${String(code)}`),
  }));
}

async function describeMatches(warehouse: Warehouse, total: number): Promise<string> {
  const [counts] = await warehouse.rows<{
    containment: number;
    nearest: number;
    namesakes: number;
    same: number;
  }>(
    `SELECT count(*) FILTER (WHERE rule = 'containment')::INTEGER AS containment,
            count(*) FILTER (WHERE rule = 'nearest')::INTEGER AS nearest,
            count(*) FILTER (WHERE lsoa21 IN (SELECT area_code FROM boundary WHERE area_type = 'lsoa11'))::INTEGER AS namesakes,
            count(*) FILTER (WHERE lsoa21 = lsoa11)::INTEGER AS same
     FROM lsoa21_best_fit`,
  );
  const links = await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM area_link WHERE source = $1", [
    BEST_FIT_LINK_SOURCE,
  ]);
  return (
    `${formatCount(total)} 2021 LSOAs: ${formatCount(counts?.containment ?? 0)} by containment, ` +
    `${formatCount(counts?.nearest ?? 0)} by nearest 2011 LSOA; ${formatCount(counts?.same ?? 0)} of ` +
    `${formatCount(counts?.namesakes ?? 0)} with a 2011 namesake matched it; ${formatCount(links ?? 0)} area links`
  );
}
