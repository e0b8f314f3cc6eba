/**
 * Outlines of groups of small areas (localities, districts, priority places) dissolved from LSOA polygons,
 * so the maps can draw them without a separate boundary file. An edge shared by two members of the same
 * group is internal and cancels out (it appears twice; every edge seen an even number of times is
 * dropped); the remaining edges are chained into closed rings. This relies on neighbouring polygons sharing
 * their vertices exactly, which holds for the ONS generalised LSOA boundaries (11,296 of 13,351 Warwickshire
 * LSOA 2011 edges are shared exactly; the other 2,055 form the county boundary). Pure geometry, no library.
 */
import { type GeoFeature, type Position, polygonsOf } from "./geo-types.ts";

/** Vertices closer than about a millimetre (1e-8 degrees) are treated as the same point. */
function vertexKey(position: Position): string {
  return `${(position[0] ?? 0).toFixed(8)},${(position[1] ?? 0).toFixed(8)}`;
}

interface Edge {
  from: Position;
  to: Position;
  fromKey: string;
  toKey: string;
  count: number;
}

/** Edges of every ring of the group's members, counted regardless of direction. */
function countEdges(members: readonly GeoFeature<unknown>[]): Map<string, Edge> {
  const edges = new Map<string, Edge>();
  for (const feature of members) {
    for (const ring of polygonsOf(feature.geometry).flat()) {
      for (let index = 0; index + 1 < ring.length; index++) {
        const from = ring[index] as Position;
        const to = ring[index + 1] as Position;
        const fromKey = vertexKey(from);
        const toKey = vertexKey(to);
        if (fromKey === toKey) continue;
        const key = fromKey < toKey ? `${fromKey}|${toKey}` : `${toKey}|${fromKey}`;
        const edge = edges.get(key);
        if (edge) edge.count++;
        else edges.set(key, { from, to, fromKey, toKey, count: 1 });
      }
    }
  }
  return edges;
}

/** Chains edges into lines: from each unused edge, follow unused edges end to end until none continues. */
function chainEdges(edges: readonly Edge[]): Position[][] {
  const byVertex = new Map<string, number[]>();
  edges.forEach((edge, index) => {
    for (const key of [edge.fromKey, edge.toKey]) {
      const list = byVertex.get(key);
      if (list) list.push(index);
      else byVertex.set(key, [index]);
    }
  });
  const used = new Array<boolean>(edges.length).fill(false);
  const lines: Position[][] = [];
  edges.forEach((first, firstIndex) => {
    if (used[firstIndex]) return;
    used[firstIndex] = true;
    const line: Position[] = [first.from, first.to];
    let currentKey = first.toKey;
    for (;;) {
      const nextIndex = (byVertex.get(currentKey) ?? []).find((index) => !used[index]);
      if (nextIndex === undefined) break;
      used[nextIndex] = true;
      const next = edges[nextIndex] as Edge;
      const forward = next.fromKey === currentKey;
      line.push(forward ? next.to : next.from);
      currentKey = forward ? next.toKey : next.fromKey;
    }
    lines.push(line);
  });
  return lines;
}

/**
 * Dissolves polygon features into one outline per group.
 *
 * @param features polygons with `properties.code` (e.g. LSOA codes)
 * @param groupOf the group a code belongs to (e.g. its locality), or null to leave it out
 * @returns one `MultiLineString` feature per group, `properties: { code }`, sorted by group code
 * @example dissolveBoundaries(lsoas, (code) => localityOf.get(code) ?? null)
 */
export function dissolveBoundaries(
  features: readonly GeoFeature<unknown>[],
  groupOf: (code: string) => string | null,
): GeoFeature<{ code: string }>[] {
  const groups = new Map<string, GeoFeature<unknown>[]>();
  for (const feature of features) {
    const code = (feature.properties as { code?: unknown } | null)?.code;
    const group = typeof code === "string" ? groupOf(code) : null;
    if (group === null) continue;
    const members = groups.get(group);
    if (members) members.push(feature);
    else groups.set(group, [feature]);
  }
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((code) => {
      const outer = [...countEdges(groups.get(code) ?? []).values()].filter((edge) => edge.count % 2 === 1);
      return {
        type: "Feature" as const,
        properties: { code },
        geometry: { type: "MultiLineString" as const, coordinates: chainEdges(outer) },
      };
    });
}
