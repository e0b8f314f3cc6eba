/**
 * The common shape of a CSV load: stage the file (malformed records rejected), add derived columns and
 * joins, flag rows that break the adapter's rules (one pass), record every failure in `reject`, then hand
 * a view of the accepted rows to the adapter's writer. Staging tables are dropped afterwards whatever
 * happens. Built for national files (tens of millions of rows): one materialised pass, duplicates found
 * by hashing the key, no sorting.
 */
import type { AdapterResult, LoadContext } from "./adapter.ts";
import { anyRuleFails, type RowRule, rejectBadRows } from "./csv/row-rules.ts";
import { dropStaged, stageCsv } from "./csv/stage-csv.ts";

export interface StagedLoadPlan {
  requiredColumns: string[];
  /** Select list applied while reading the file (see StageCsvOptions.project). */
  project?: string;
  /**
   * Reshapes the staged view before checking, e.g. wide → long with UNPIVOT so that one rule covers many
   * columns. Receives the view name, returns a FROM-clause item.
   */
  reshape?: (stagedView: string) => string;
  /** Runs after staging, before checking: e.g. builds small lookup tables from the staged view's distinct values. */
  prepare?(stagedView: string): Promise<void>;
  /** Extra FROM-clause SQL after the staged view, e.g. LEFT JOINs to small lookup tables (prefix their columns with _). */
  joins?: string;
  /** Extra select-list SQL over the (joined) staged rows. */
  derivedColumns?: string;
  /**
   * SQL expressions that identify a row; a later row with the same key gets `_first_line` = the line of the
   * first (rows with a unique key get their own line). Rules can then reject `_line <> _first_line`.
   */
  duplicateKey?: string[];
  rules: RowRule[];
  /**
   * Keep the checked rows as a view instead of a table: for large, already typed inputs whose joins are
   * cheap, re-reading beats copying tens of millions of rows (default: materialise).
   */
  checkedAsView?: boolean;
  /** Writes the accepted rows (a view over the checked rows) into the warehouse; returns rows written. */
  write(acceptedView: string): Promise<number>;
}

/**
 * First line of every duplicated key, found cheaply: group by a 64-bit hash of the key (no sort of the
 * whole file), then compare the full keys only among the few rows whose hash repeats.
 */
async function findDuplicates(
  context: LoadContext,
  source: string,
  key: string[],
  table: string,
): Promise<void> {
  const keyList = key.join(", ");
  await context.warehouse.run(`CREATE OR REPLACE TEMP TABLE ${table} AS
    WITH candidates AS (
      SELECT * FROM (SELECT hash(${keyList}) AS _key_hash, _line, ${key.map((k, i) => `${k} AS _k${i}`).join(", ")} FROM ${source})
      WHERE _key_hash IN (SELECT hash(${keyList}) FROM ${source} GROUP BY 1 HAVING count(*) > 1))
    SELECT _line, first_value(_line) OVER (PARTITION BY ${key.map((_, i) => `_k${i}`).join(", ")} ORDER BY _line) AS _first_line
    FROM candidates`);
}

export async function loadStagedCsv(context: LoadContext, plan: StagedLoadPlan): Promise<AdapterResult> {
  const { warehouse, manifest } = context;
  const checked = `${context.stagingName}_checked`;
  const accepted = `${context.stagingName}_accepted`;
  const duplicates = `${context.stagingName}_duplicates`;
  const joined = `${context.stagingName}_joined`;
  try {
    const staged = await stageCsv(warehouse, {
      file: context.file,
      sourceId: manifest.id,
      name: context.stagingName,
      requiredColumns: [...new Set(plan.requiredColumns)],
      project: plan.project,
    });
    if (plan.prepare) await plan.prepare(staged.view);
    const source = plan.reshape ? plan.reshape(staged.view) : staged.view;
    await warehouse.run(
      `CREATE OR REPLACE TEMP VIEW ${joined} AS SELECT * FROM ${source} ${plan.joins ?? ""}`,
    );
    let duplicateJoin = "";
    let firstLine = "";
    if (plan.duplicateKey) {
      await findDuplicates(context, joined, plan.duplicateKey, duplicates);
      duplicateJoin = `LEFT JOIN (SELECT _line AS _dup_line, _first_line AS _dup_first_line FROM ${duplicates}) ON _dup_line = _line`;
      firstLine = ", coalesce(_dup_first_line, _line) AS _first_line";
    }
    const derived = plan.derivedColumns ? `, ${plan.derivedColumns}` : "";
    await warehouse.run(
      `CREATE OR REPLACE TEMP ${plan.checkedAsView ? "VIEW" : "TABLE"} ${checked} AS
       SELECT *, ${anyRuleFails(plan.rules)} AS _bad
       FROM (SELECT *${firstLine}${derived} FROM ${joined} ${duplicateJoin})`,
    );
    await rejectBadRows(warehouse, checked, manifest.id, context.file, plan.rules);
    await warehouse.run(
      `CREATE OR REPLACE TEMP VIEW ${accepted} AS SELECT * EXCLUDE (_bad) FROM ${checked} WHERE NOT _bad`,
    );
    const rowsLoaded = await plan.write(accepted);
    return { rowsRead: staged.rowsRead, rowsLoaded };
  } finally {
    await warehouse.run(
      `DROP VIEW IF EXISTS ${accepted}; DROP ${plan.checkedAsView ? "VIEW" : "TABLE"} IF EXISTS ${checked}; DROP TABLE IF EXISTS ${duplicates}; DROP VIEW IF EXISTS ${joined};`,
    );
    await dropStaged(warehouse, context.stagingName);
  }
}
