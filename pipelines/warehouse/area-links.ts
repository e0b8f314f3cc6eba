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

/** What the closure was last built from, per warehouse: the direct links' fingerprint and the closure's size. */
const builtFrom = new WeakMap<Warehouse, { edges: string; links: number }>();

/** The direct links' fingerprint: their count and the order-independent sum of their row hashes. */
async function edgesFingerprint(warehouse: Warehouse): Promise<string> {
  return (
    (await warehouse.scalar<string>(
      `SELECT count(*) || ':' || coalesce(sum(hash(child, child_type, parent, parent_type, weight, method, source)::HUGEINT), 0)
       FROM area_edge`,
    )) ?? ""
  );
}

const countLinks = async (warehouse: Warehouse) =>
  (await warehouse.scalar<number>("SELECT count(*) FROM area_link")) ?? 0;

/**
 * Rebuilds the closure, unless the direct links (and the closure's size) are exactly as when this warehouse
 * last built it: the load calls this after each phase, and most phases add no links.
 */
export async function rebuildAreaLinks(warehouse: Warehouse): Promise<number> {
  const edges = await edgesFingerprint(warehouse);
  const last = builtFrom.get(warehouse);
  if (last?.edges === edges && last.links === (await countLinks(warehouse))) return last.links;
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
  const links = await countLinks(warehouse);
  builtFrom.set(warehouse, { edges, links });
  return links;
}
