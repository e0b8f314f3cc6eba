/**
 * What every page of one build shares: the read-only warehouse connection, the county the site is about
 * (found from the locality table, never hard-coded), whether the localities are the illustrative
 * definition, when the warehouse was built, which tables and views exist, and the query cache. One connection and
 * one cache for the whole build keep it fast: a query that does not depend on the page runs once.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import {
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureSettings,
  type PublishedSuppression,
} from "../disclosure/index.ts";
import type { QueryResult } from "./run-sql.ts";

export type SiteArea = {
  code: string;
  name: string;
};

export interface SiteInfo {
  /** The county the localities belong to (else the only county with districts in the lookups). */
  county: SiteArea | undefined;
  /** England (E92000001) when loaded: the usual comparator. */
  country: SiteArea | undefined;
  /** True when the locality definition in the warehouse is marked illustrative. */
  illustrativeLocalities: boolean;
  /**
   * Names of the illustrative localities that are not also the name of a district or county ("Warwick"
   * is both): a page whose body shows one of them shows localities, and gets the illustrative note.
   */
  illustrativeLocalityNames: string[];
  /** When the warehouse was built (meta.built_at), shown in every page footer. */
  builtAt: string;
  /** Site title shown in the header. */
  title: string;
  /** Statistical disclosure control: counts above 0 and below `threshold` are shown as `marker`. */
  disclosure: DisclosureSettings;
}

export interface SiteContext {
  warehouse: Warehouse;
  info: SiteInfo;
  tables: Set<string>;
  /** Results by SQL text and parameter values; shared by every page of the build. */
  queryCache: Map<string, Promise<QueryResult>>;
  /** Values of `once` js cells by notebook file and line. */
  onceCache: Map<string, Promise<unknown>>;
  components: Record<string, unknown>;
  /** The county's indicator counts suppressed for every page (and the hierarchy their totals follow). */
  disclosure: PublishedSuppression;
  /** Protected copies of results, by the raw result and the notebook and cell that declared it. */
  protectedResults: WeakMap<QueryResult, Map<string, QueryResult>>;
}

export async function readSiteInfo(
  warehouse: Warehouse,
  disclosure: DisclosureSettings = DEFAULT_DISCLOSURE_SETTINGS,
): Promise<{ info: SiteInfo; tables: Set<string> }> {
  const tables = new Set(
    (
      await warehouse.rows<{ name: string }>(
        `SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary
         UNION SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary`,
      )
    ).map((row) => row.name),
  );
  const need = ["area", "area_link", "meta"];
  if (!need.every((table) => tables.has(table))) {
    return {
      info: {
        county: undefined,
        country: undefined,
        illustrativeLocalities: false,
        illustrativeLocalityNames: [],
        builtAt: "",
        title: "Narrowing the gaps",
        disclosure,
      },
      tables,
    };
  }
  const [county] = await warehouse.rows<SiteArea>(`
    SELECT a.code, coalesce(a.name, a.code) AS name, count(*) AS localities
    FROM area_link l JOIN area a ON a.code = l.parent AND a.type = 'county'
    WHERE l.child_type = 'locality' AND l.parent_type = 'county'
    GROUP BY ALL ORDER BY localities DESC, a.code LIMIT 1`);
  const [country] = await warehouse.rows<SiteArea>(
    "SELECT code, coalesce(name, code) AS name FROM area WHERE type = 'country' AND code = 'E92000001'",
  );
  const illustrative =
    (await warehouse.scalar<boolean>(
      "SELECT coalesce(bool_or(illustrative), false) FROM area WHERE type = 'locality'",
    )) ?? false;
  const names = await warehouse.rows<{ name: string }>(`
    SELECT DISTINCT name FROM area WHERE type = 'locality' AND illustrative AND name IS NOT NULL
      AND name NOT IN (SELECT name FROM area WHERE type IN ('district', 'county', 'region', 'country') AND name IS NOT NULL)`);
  const builtAt = (await warehouse.scalar<string>("SELECT value FROM meta WHERE key = 'built_at'")) ?? "";
  const info: SiteInfo = {
    county: county ? { code: county.code, name: county.name } : undefined,
    country,
    illustrativeLocalities: illustrative,
    illustrativeLocalityNames: names.map((row) => row.name),
    builtAt,
    title: county ? `Narrowing the gaps in ${county.name}` : "Narrowing the gaps",
    disclosure,
  };
  return { info, tables };
}
