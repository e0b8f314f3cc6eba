/**
 * How observations are stored. Readers see one `observation` view with the same columns for every
 * source. Behind it, small sources write every column to `observation_all_columns`. A large source may
 * instead have a part of its own, read in place (`viewObservationPartInPlace`): the typed table its file
 * was read into, with its small lookup tables, and nothing copied. What is the same for the whole file
 * (the source id, sex and age when the file has no such columns, a single area type) or follows from other
 * columns (the period's first year, notes, a value computed from the counts) is given by the view's
 * expressions, evaluated as it is read: copying 16M rows again after the checks cost 12–16 s.
 *
 * Each part is registered in `observation_part` and the view is rebuilt after every write, so a reader
 * never needs to know where a source's rows are.
 */
import { quoteIdentifier, type Warehouse } from "./warehouse.ts";

/** The columns of the `observation` view, in order, with their types. */
export const OBSERVATION_COLUMN_TYPES = [
  ["indicator", "VARCHAR"],
  ["area_code", "VARCHAR"],
  ["area_type", "VARCHAR"],
  ["period", "VARCHAR"],
  ["period_year", "DOUBLE"],
  ["sex", "VARCHAR"],
  ["age", "VARCHAR"],
  ["numerator", "DOUBLE"],
  ["denominator", "DOUBLE"],
  ["value", "DOUBLE"],
  ["lower95", "DOUBLE"],
  ["upper95", "DOUBLE"],
  ["lower998", "DOUBLE"],
  ["upper998", "DOUBLE"],
  ["published_comparison", "VARCHAR"],
  ["note", "VARCHAR"],
  ["source", "VARCHAR"],
  ["source_line", "BIGINT"],
] as const;

export type ObservationColumn = (typeof OBSERVATION_COLUMN_TYPES)[number][0];

/** The table that small sources write every observation column to. */
export const ALL_COLUMNS_TABLE = "observation_all_columns";

/** The first calendar year of a period as published (2017/18, 2016-18, 2019 → 2017, 2016, 2019). */
export const periodYearSql = (period: string) => `TRY_CAST(substr(${period}, 1, 4) AS INTEGER)`;

export interface ObservationPart {
  /** The source's own columns: name → SQL over the rows the part reads (its FROM item). */
  stored: Record<string, string>;
  /**
   * The view's expression for an observation column, over those columns (plain names). A column neither
   * derived nor among them under its own name is NULL.
   */
  derived: Partial<Record<ObservationColumn, string>>;
}

/** The name of the table a source's rows are kept in (identifier-safe). */
export function observationPartTable(sourceId: string): string {
  return `observation_of_${sourceId.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

function storedList(part: ObservationPart): string {
  return Object.entries(part.stored)
    .map(([name, expression]) => `${expression} AS ${quoteIdentifier(name)}`)
    .join(",\n       ");
}

/** The part's SELECT for the view: every observation column, typed, over a FROM item with the stored columns. */
function partSelect(from: string, part: ObservationPart): string {
  const stored = new Set(Object.keys(part.stored));
  const columns = OBSERVATION_COLUMN_TYPES.map(([name, type]) => {
    const expression = part.derived[name] ?? (stored.has(name) ? quoteIdentifier(name) : "NULL");
    return `CAST(${expression} AS ${type}) AS ${name}`;
  });
  return `SELECT ${columns.join(", ")} FROM ${from}`;
}

// Sources load side by side on separate connections of one database; the view is replaced by one at a time.
let viewLock: Promise<unknown> = Promise.resolve();

/** Recreates the `observation` view over the all-columns table and every registered part. */
export async function rebuildObservationView(warehouse: Warehouse): Promise<void> {
  const rebuild = async () => {
    const parts = await warehouse.rows<{ select_sql: string }>(
      "SELECT select_sql FROM observation_part ORDER BY source",
    );
    const columns = OBSERVATION_COLUMN_TYPES.map(([name]) => name).join(", ");
    const selects = [`SELECT ${columns} FROM ${ALL_COLUMNS_TABLE}`, ...parts.map((p) => p.select_sql)];
    await warehouse.run(`CREATE OR REPLACE VIEW observation AS ${selects.join("\nUNION ALL ")}`);
  };
  const next = viewLock.then(rebuild, rebuild);
  viewLock = next.catch(() => undefined);
  await next;
}

async function registerPart(
  warehouse: Warehouse,
  sourceId: string,
  tables: string[],
  select: string,
): Promise<void> {
  await warehouse.run("DELETE FROM observation_part WHERE source = $1", [sourceId]);
  await warehouse.run("INSERT INTO observation_part VALUES ($1, $2, $3)", [
    sourceId,
    tables.join(", "),
    select,
  ]);
  await rebuildObservationView(warehouse);
}

/**
 * Adds a source whose rows stay where they were read (permanent tables, named in `tables`) to the
 * `observation` view without copying them: `rows` is a FROM item over those tables only, and the stored
 * expressions are evaluated whenever the view is read.
 */
export async function viewObservationPartInPlace(
  warehouse: Warehouse,
  sourceId: string,
  tables: string[],
  rows: string,
  part: ObservationPart,
): Promise<void> {
  await registerPart(
    warehouse,
    sourceId,
    tables,
    partSelect(`(SELECT ${storedList(part)} FROM ${rows})`, part),
  );
}
