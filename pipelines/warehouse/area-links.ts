/**
 * Builds the closure table `area_link` from the direct links in `area_edge`: every area is linked to every
 * ancestor, so rolling small areas up to any level is a single join on `area_link`.
 *
 * Weights multiply along a path (an LSOA split 50:50 between two localities reaches each with 0.5); when two
 * paths reach the same ancestor (LSOA → ward → district, and LSOA → ward → locality → district) the
 * largest weight is kept, so nesting never double-counts. A path's method is its least certain step
 * (apportioned, then best-fit, then defined, then nested); the link takes the most certain path's method.
 */
import type { Warehouse } from "./warehouse.ts";

const MAXIMUM_DEPTH = 12;

/** What the closure was last built from, per warehouse: the direct links' fingerprint and the links it made. */
const builtFrom = new WeakMap<Warehouse, string>();

/** The direct links' fingerprint (count and order-independent sum of row hashes) and the closure's size. */
async function fingerprint(warehouse: Warehouse): Promise<string> {
  return (
    (await warehouse.scalar<string>(
      `SELECT (SELECT count(*) || ':' || coalesce(sum(hash(child, child_type, parent, parent_type, weight, method, source)::HUGEINT), 0)
               FROM area_edge) || ':' || (SELECT count(*) FROM area_link)`,
    )) ?? ""
  );
}

/**
 * Rebuilds the closure, unless the direct links (and the closure) are exactly as when this warehouse last
 * built it: the load calls this after each phase, and most phases add no links.
 */
export async function rebuildAreaLinks(warehouse: Warehouse): Promise<number> {
  const before = await fingerprint(warehouse);
  if (builtFrom.get(warehouse) === before) {
    return (await warehouse.scalar<number>("SELECT count(*) FROM area_link")) ?? 0;
  }
  await warehouse.run("DELETE FROM area_link");
  await warehouse.run(`
    INSERT INTO area_link (child, child_type, parent, parent_type, weight, method, source)
    WITH RECURSIVE
      edge AS (
        SELECT child, child_type, parent, parent_type, max(weight) AS weight,
               max(CASE method WHEN 'apportioned' THEN 4 WHEN 'best-fit' THEN 3 WHEN 'defined' THEN 2 ELSE 1 END) AS certainty,
               min(source) AS source
        FROM area_edge GROUP BY ALL
      ),
      path (child, child_type, parent, parent_type, weight, certainty, source, depth) AS (
        SELECT child, child_type, parent, parent_type, weight, certainty, source, 1 FROM edge
        UNION ALL
        SELECT p.child, p.child_type, e.parent, e.parent_type, p.weight * e.weight, greatest(p.certainty, e.certainty),
               p.source, p.depth + 1
        FROM path p JOIN edge e ON e.child = p.parent AND e.child_type = p.parent_type
        WHERE p.depth < ${MAXIMUM_DEPTH}
      )
    SELECT child, child_type, parent, parent_type, max(weight),
           CASE min(certainty) WHEN 4 THEN 'apportioned' WHEN 3 THEN 'best-fit' WHEN 2 THEN 'defined' ELSE 'nested' END,
           min(source)
    FROM path GROUP BY child, child_type, parent, parent_type
    ORDER BY parent_type, parent, child_type, child`);
  builtFrom.set(warehouse, await fingerprint(warehouse));
  return (await warehouse.scalar<number>("SELECT count(*) FROM area_link")) ?? 0;
}
