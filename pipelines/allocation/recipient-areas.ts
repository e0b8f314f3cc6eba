/**
 * Who receives the money: a scenario's `recipients:` resolved to areas of the warehouse — the districts
 * of a county, the localities of a county (through `area_link`), or a list of area codes — in code order.
 */
import { SourceError } from "../../models/errors.ts";
import { quoteLiteral, type Warehouse } from "../warehouse/warehouse.ts";
import type { RecipientsSpec } from "./scenario-schema.ts";

export type RecipientArea = {
  code: string;
  name: string;
  type: string;
  /** True for illustrative areas (e.g. the localities), which outputs must say are illustrative. */
  illustrative: boolean;
};

/** A short description of the recipients, e.g. "districts of E10000031" or "3 areas". */
export function describeRecipients(spec: RecipientsSpec): string {
  if (spec.districts) return `districts of ${spec.districts}`;
  if (spec.localities) return `localities of ${spec.localities}`;
  const areas = spec.areas ?? [];
  return `${areas.length} area${areas.length === 1 ? "" : "s"}: ${areas.slice(0, 3).join(", ")}${areas.length > 3 ? ", …" : ""}`;
}

async function areasInCounty(
  warehouse: Warehouse,
  county: string,
  childType: string,
): Promise<RecipientArea[]> {
  const countyName = await warehouse.scalar<string>(
    "SELECT coalesce(name, code) FROM area WHERE code = $1 AND type = 'county'",
    [county],
  );
  if (countyName === undefined) {
    throw new SourceError(
      `county "${county}" is not in the warehouse`,
      "Recipients `districts:` and `localities:` take a county code such as E10000031 (Warwickshire); run `ntg run` with the default sources.",
    );
  }
  const areas = await warehouse.rows<RecipientArea>(
    `SELECT a.code, coalesce(a.name, a.code) AS name, a.type, a.illustrative
     FROM area_link l JOIN area a ON a.code = l.child AND a.type = l.child_type
     WHERE l.parent = $1 AND l.parent_type = 'county' AND l.child_type = $2
     GROUP BY ALL ORDER BY a.code`,
    [county, childType],
  );
  if (areas.length === 0) {
    throw new SourceError(
      `no ${childType} areas are linked to county ${county} (${countyName}) in area_link`,
    );
  }
  return areas;
}

async function listedAreas(
  warehouse: Warehouse,
  codes: readonly string[],
  areaType: string | undefined,
): Promise<RecipientArea[]> {
  const found = await warehouse.rows<RecipientArea>(
    `SELECT code, coalesce(name, code) AS name, type, illustrative FROM area
     WHERE code IN (${codes.map(quoteLiteral).join(", ")}) ${areaType ? `AND type = ${quoteLiteral(areaType)}` : ""}
     ORDER BY code, type`,
  );
  const missing = codes.filter((code) => !found.some((area) => area.code === code));
  if (missing.length > 0) {
    throw new SourceError(
      `recipient area${missing.length === 1 ? "" : "s"} not in the warehouse${areaType ? ` as ${areaType}` : ""}: ${missing.join(", ")}`,
      "`ntg query \"select code, name, type from area where code = '…'\"` shows what the warehouse holds.",
    );
  }
  const ambiguous = codes.filter((code) => found.filter((area) => area.code === code).length > 1);
  if (ambiguous.length > 0) {
    throw new SourceError(
      `area code${ambiguous.length === 1 ? "" : "s"} with several types: ${ambiguous.join(", ")}`,
      "add areaType: (e.g. district, locality, ward19) under recipients",
    );
  }
  const duplicated = codes.filter((code, i) => codes.indexOf(code) !== i);
  if (duplicated.length > 0) throw new SourceError(`recipient areas listed twice: ${duplicated.join(", ")}`);
  return found;
}

/**
 * The recipient areas of a scenario, sorted by code.
 *
 * @throws {SourceError} when the county or a listed code is not in the warehouse, a code is ambiguous,
 *   or a county has no such areas.
 */
export async function recipientAreas(warehouse: Warehouse, spec: RecipientsSpec): Promise<RecipientArea[]> {
  if (spec.districts) return areasInCounty(warehouse, spec.districts, "district");
  if (spec.localities) return areasInCounty(warehouse, spec.localities, "locality");
  return listedAreas(warehouse, spec.areas ?? [], spec.areaType);
}
