/**
 * Statistical disclosure control for the commands that export figures about places (`ntg profile`,
 * `ntg indicator`, `ntg deprivation`, `ntg report quarterly`): by default their output — every format —
 * is protected exactly as the site is (the same suppressed cells: `readPublishedSuppression`), with the
 * threshold and marker of `sources/publish/disclosure.yaml`. `--no-suppression` gives the warehouse's own
 * values, for analysis inside the organisation. `ntg query` is the analyst's own SQL and is never changed.
 */
import {
  type ExtraAreas,
  type PublishedSuppression,
  protectResult,
  type RoleDeclaration,
  readDisclosureSettings,
  readPublishedSuppression,
  resolveRoles,
  type SuppressionScope,
  suppressedRange,
} from "../publish/disclosure/index.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { CommandContext, OptionSpec } from "./command.ts";

export const SUPPRESSION_OPTIONS: OptionSpec = { "no-suppression": { type: "boolean" } };

/** The help paragraph on disclosure control; `shown` says how a command shows a suppressed cell. */
export function suppressionHelp(shown = 'shown as\n"*" in every format'): string {
  return `Disclosure control (METHODS.md §9): counts from 1 to 4 (sources/publish/disclosure.yaml), the cells
from which they could be worked out, and the rates, intervals and gaps computed from them are ${shown}, the same cells as on the site.
  --no-suppression        the warehouse's full values, unprotected: for analysis only, NOT for publishing`;
}

export const SUPPRESSION_HELP = suppressionHelp();

/** Area types whose indicator counts the site-wide suppression already covers. */
const COVERED_AREA_TYPES = new Set(["locality", "district", "county"]);

/** The scope for an export about areas of `type`: none extra when the site-wide set covers them. */
export function scopeForAreas(type: string, areas: Omit<ExtraAreas, "type">): SuppressionScope {
  return { extraAreas: COVERED_AREA_TYPES.has(type) ? [] : [{ type, ...areas }] };
}

/** The suppression to apply, or null with --no-suppression (said on stderr, so nobody publishes it unawares). */
export async function exportSuppression(
  warehouse: Warehouse,
  context: Pick<CommandContext, "config" | "values" | "reporter">,
  scope: SuppressionScope = {},
): Promise<PublishedSuppression | null> {
  if (context.values["no-suppression"] === true) {
    context.reporter.warn(
      "--no-suppression: small counts and the figures computed from them are NOT suppressed; do not publish this output",
    );
    return null;
  }
  const settings = readDisclosureSettings(context.config.sourcesDir);
  return await readPublishedSuppression(warehouse, settings, scope);
}

/** Rows of objects after disclosure control (the same objects when `suppression` is null). */
export function protectExport<Row extends Record<string, unknown>>(
  name: string,
  rows: readonly Row[],
  suppression: PublishedSuppression | null,
  declaration: RoleDeclaration = {},
): Row[] {
  if (!suppression || rows.length === 0) return [...rows];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const roles = resolveRoles(columns, rows, declaration, suppression.hierarchy, name);
  return protectResult(name, rows, roles, suppression).rows as Row[];
}

/** Rows as arrays (table output) after disclosure control. */
export function protectTableRows(
  name: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suppression: PublishedSuppression | null,
  declaration: RoleDeclaration = {},
): unknown[][] {
  if (!suppression) return [...rows];
  const objects = rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
  return protectExport(name, objects, suppression, declaration).map((row) =>
    columns.map((column) => row[column]),
  );
}

/** One line for stderr on what was suppressed. */
export function suppressionNote(suppression: PublishedSuppression | null): string | null {
  if (!suppression) return null;
  return `disclosure control: ${suppressedRange(suppression)} and figures from them shown as ${suppression.marker} (--no-suppression for full values)`;
}
