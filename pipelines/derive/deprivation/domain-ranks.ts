/**
 * Reads the national domain ranks of one edition from table `deprivation` as columns, one entry per LSOA
 * in code order, ready for the pure `compositeIndexScores`.
 */
import type { DeprivationDomain, DomainRankColumns } from "../../../models/deprivation/index.ts";
import { BuildError } from "../../../models/errors.ts";
import { quoteIdentifier, quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";

export interface EditionDomainRanks {
  edition: number;
  /** LSOA vintage of the edition: lsoa01, lsoa11 or lsoa21. */
  lsoaType: string;
  lsoaCodes: string[];
  ranks: DomainRankColumns;
}

/**
 * Domain ranks of `edition` for `domains`, one row per LSOA.
 *
 * @throws {BuildError} when the edition has no ranks for a domain, or an LSOA lacks a rank for one.
 */
export async function readDomainRanks(
  warehouse: Warehouse,
  edition: number,
  domains: readonly DeprivationDomain[],
): Promise<EditionDomainRanks> {
  const available = await warehouse.rows<{ domain: string; lsoas: number }>(
    "SELECT domain, count(rank)::INTEGER AS lsoas FROM deprivation WHERE edition = $1 GROUP BY domain",
    [edition],
  );
  const missing = domains.filter(
    (domain) => !available.some((row) => row.domain === domain && row.lsoas > 0),
  );
  if (missing.length > 0) {
    throw new BuildError(
      `deprivation edition ${edition} has no national ranks for domain(s) ${missing.join(", ")}`,
      `Domains with ranks in ${edition}: ${available.map((row) => row.domain).join(", ") || "none"}. Domain ranks are loaded for 2010, 2019 and 2025.`,
    );
  }
  const pivot = domains
    .map(
      (domain) => `max(rank) FILTER (WHERE domain = ${quoteLiteral(domain)}) AS ${quoteIdentifier(domain)}`,
    )
    .join(",\n  ");
  const table = await warehouse.table(
    `SELECT lsoa, any_value(lsoa_type) AS lsoa_type,
       ${pivot}
     FROM deprivation
     WHERE edition = $1 AND domain IN (${domains.map(quoteLiteral).join(", ")})
     GROUP BY lsoa ORDER BY lsoa`,
    [edition],
  );
  const lsoaCodes = table.rows.map((row) => row[0] as string);
  const ranks: Partial<Record<DeprivationDomain, Float64Array>> = {};
  domains.forEach((domain, index) => {
    const column = new Float64Array(table.rows.length);
    table.rows.forEach((row, position) => {
      const rank = row[index + 2];
      if (typeof rank !== "number") {
        throw new BuildError(
          `deprivation edition ${edition}: LSOA ${lsoaCodes[position]} has no ${domain} rank`,
          "Every LSOA needs a national rank in every domain the index weights.",
        );
      }
      column[position] = rank;
    });
    ranks[domain] = column;
  });
  return { edition, lsoaType: String(table.rows[0]?.[1] ?? ""), lsoaCodes, ranks };
}
