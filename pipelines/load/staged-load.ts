/**
 * The common shape of a CSV load: stage the file (malformed records rejected), add derived columns
 * (e.g. window functions that find duplicates), reject rows that break the adapter's rules, then hand the
 * accepted rows to the adapter's writer. Staging tables are dropped afterwards whatever happens.
 */
import type { AdapterResult, LoadContext } from "./adapter.ts";
import { anyRuleFails, type RowRule, rejectBadRows } from "./csv/row-rules.ts";
import { dropStaged, stageCsv } from "./csv/stage-csv.ts";

export interface StagedLoadPlan {
  requiredColumns: string[];
  /** Extra select-list SQL over the staged view, e.g. `first_value(_line) OVER (…) AS _first_line`. */
  derivedColumns?: string;
  /**
   * Reshapes the staged view before checking, e.g. wide → long with UNPIVOT so that one rule covers many
   * columns. Receives the view name, returns a FROM-clause item.
   */
  reshape?: (stagedView: string) => string;
  /** Extra FROM-clause SQL after the staged view, e.g. LEFT JOINs to catalogue tables (prefix their columns with _). */
  joins?: string;
  rules: RowRule[];
  /** Writes the accepted rows (table name given) into the warehouse; returns rows written. */
  write(acceptedTable: string): Promise<number>;
}

export async function loadStagedCsv(context: LoadContext, plan: StagedLoadPlan): Promise<AdapterResult> {
  const { warehouse, manifest } = context;
  const checked = `${context.stagingName}_checked`;
  const accepted = `${context.stagingName}_accepted`;
  try {
    const staged = await stageCsv(warehouse, {
      file: context.file,
      sourceId: manifest.id,
      name: context.stagingName,
      requiredColumns: [...new Set(plan.requiredColumns)],
    });
    const source = plan.reshape ? plan.reshape(staged.view) : staged.view;
    const derived = plan.derivedColumns ? `, ${plan.derivedColumns}` : "";
    await warehouse.run(
      `CREATE OR REPLACE TEMP TABLE ${checked} AS
       SELECT *, ${anyRuleFails(plan.rules)} AS _bad FROM (SELECT *${derived} FROM ${source} ${plan.joins ?? ""})`,
    );
    await rejectBadRows(warehouse, checked, manifest.id, context.file, plan.rules);
    await warehouse.run(
      `CREATE OR REPLACE TEMP TABLE ${accepted} AS SELECT * EXCLUDE (_bad) FROM ${checked} WHERE NOT _bad`,
    );
    const rowsLoaded = await plan.write(accepted);
    return { rowsRead: staged.rowsRead, rowsLoaded };
  } finally {
    await warehouse.run(`DROP TABLE IF EXISTS ${accepted}; DROP TABLE IF EXISTS ${checked};`);
    await dropStaged(warehouse, context.stagingName);
  }
}
