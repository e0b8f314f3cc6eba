/**
 * The common shape of a CSV load: stage the file (malformed records rejected), add derived columns and
 * joins, flag rows that break the adapter's rules (one pass), record every failure in `reject`, then hand
 * a view of the accepted rows to the adapter's writer. Staging tables are dropped afterwards whatever
 * happens. Built for national files (tens of millions of rows): one materialised pass, duplicates found
 * by hashing the key, no sorting.
 */
import type { AdapterResult, LoadContext } from "./adapter.ts";
import { anyRuleFails, type RowRule, rejectBadRows } from "./csv/row-rules.ts";
import { dropStaged, type StageCsvOptions, stageCsv } from "./csv/stage-csv.ts";

export interface StagedLoadPlan {
  requiredColumns: string[];
  /** Select list applied while reading the file (see StageCsvOptions.project). */
  project?: string;
  /** Columns the reader parses as numbers (see StageCsvOptions.numericColumns). */
  numericColumns?: StageCsvOptions["numericColumns"];
  /** Select list for records read again as text (see StageCsvOptions.textProject). */
  textProject?: string;
  /** Columns computed as the staged rows are read (see StageCsvOptions.readColumns). */
  readColumns?: StageCsvOptions["readColumns"];
  /**
   * Reshapes the staged view before checking, e.g. wide → long with UNPIVOT so that one rule covers many
   * columns. Receives the view name, returns a FROM-clause item.
   */
  reshape?: (stagedView: string) => string;
  /** Runs after staging, before checking: e.g. builds small lookup tables from the staged view's distinct values. */
  prepare?(stagedView: string): Promise<void>;
  /** Extra FROM-clause SQL after the staged view, e.g. LEFT JOINs to small lookup tables (prefix their columns with _). */
  joins?: string;
  /**
   * Instead of `joins`, decided after `prepare` (when the lookups are known): the joins and extra select-list
   * SQL (starting with a comma) that give the staged rows their looked-up columns, e.g. constants when every
   * value is known, so that a national file's checks need no join.
   */
  lookups?: () => Promise<{ joins: string; columns: string }>;
  /** Extra select-list SQL over the (joined) staged rows. */
  derivedColumns?: string;
  /**
   * SQL expressions that identify a row; a later row with the same key gets `_first_line` = the line of the
   * first (rows with a unique key get their own line). Rules can then reject `_line <> _first_line`.
   */
  duplicateKey?: string[];
  /**
   * A key over the staged rows alone (before the joins) that finds exactly the same duplicates as
   * `duplicateKey`, when there is one (asked after `prepare`): a national file's check then skips the joins.
   */
  duplicateKeyBeforeJoins?: () => Promise<string[] | undefined>;
  rules: RowRule[];
  /**
   * Keep the checked rows as a view instead of a table: for large, already typed inputs whose joins are
   * cheap, re-reading beats copying tens of millions of rows (default: materialise).
   */
  checkedAsView?: boolean;
  /**
   * Keep the rows read in this permanent table (see StageCsvOptions.keepAs), for a writer that reads them
   * in place through `StagedRows.rowsSql` instead of copying them.
   */
  keepStagedAs?: string;
  /** Writes the accepted rows (a view over the checked rows) into the warehouse; returns rows written. */
  write(acceptedView: string, staged: StagedRows): Promise<number>;
}

/** What a writer may need besides the accepted view, to read the rows in place. */
export interface StagedRows {
  /** The staged rows with `_line`, as a FROM item (over the permanent table with `keepStagedAs`). */
  rowsSql: string;
  /** The checked rows (every row, with `_bad`). */
  checked: string;
  /** Permanent tables the rows are read from besides the kept table (see StagedCsv.keptTables). */
  keptTables: string[];
  /** Rows staged (records read less the malformed ones, which are not among the staged rows). */
  stagedRows: number;
  /** Staged rows that failed a rule (recorded in `reject`); the rest are accepted. */
  badRows: number;
}

/**
 * First line of every duplicated key, found cheaply: sort the 64-bit hashes of the keys (a sort of plain
 * integers beats a hash aggregate with one group per row) and keep the hashes equal to their predecessor;
 * only when there are any, compare the full keys among the few rows with those hashes.
 */
async function findDuplicates(
  context: LoadContext,
  source: string,
  key: string[],
  table: string,
): Promise<void> {
  const { warehouse } = context;
  const keyList = key.join(", ");
  const repeatedHashes = `${table}_hashes`;
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${repeatedHashes} AS
    SELECT DISTINCT _key_hash FROM (
      SELECT _key_hash, lag(_key_hash) OVER (ORDER BY _key_hash) AS _previous_hash
      FROM (SELECT hash(${keyList}) AS _key_hash FROM ${source}))
    WHERE _key_hash = _previous_hash`);
  try {
    const repeated = (await warehouse.scalar<number>(`SELECT count(*) FROM ${repeatedHashes}`)) ?? 0;
    if (repeated === 0) {
      await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${table} (_line BIGINT, _first_line BIGINT)`);
      return;
    }
    await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${table} AS
      WITH candidates AS (
        SELECT _line, ${key.map((k, i) => `${k} AS _k${i}`).join(", ")} FROM ${source}
        WHERE hash(${keyList}) IN (SELECT _key_hash FROM ${repeatedHashes}))
      SELECT _line, first_value(_line) OVER (PARTITION BY ${key.map((_, i) => `_k${i}`).join(", ")} ORDER BY _line) AS _first_line
      FROM candidates`);
  } finally {
    await warehouse.run(`DROP TABLE IF EXISTS ${repeatedHashes}`);
  }
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
      numericColumns: plan.numericColumns,
      textProject: plan.textProject,
      readColumns: plan.readColumns,
      keepAs: plan.keepStagedAs,
    });
    if (plan.prepare) await plan.prepare(staged.view);
    const source = plan.reshape ? plan.reshape(staged.view) : staged.view;
    const lookups = plan.lookups ? await plan.lookups() : { joins: plan.joins ?? "", columns: "" };
    await warehouse.run(
      `CREATE OR REPLACE TEMP VIEW ${joined} AS SELECT *${lookups.columns} FROM ${source} ${lookups.joins}`,
    );
    let duplicateJoin = "";
    let firstLine = "";
    if (plan.duplicateKey) {
      const keyBeforeJoins = await plan.duplicateKeyBeforeJoins?.();
      if (keyBeforeJoins) await findDuplicates(context, staged.view, keyBeforeJoins, duplicates);
      else await findDuplicates(context, joined, plan.duplicateKey, duplicates);
      duplicateJoin = `LEFT JOIN (SELECT _line AS _dup_line, _first_line AS _dup_first_line FROM ${duplicates}) ON _dup_line = _line`;
      firstLine = ", coalesce(_dup_first_line, _line) AS _first_line";
    }
    const derived = plan.derivedColumns ? `, ${plan.derivedColumns}` : "";
    await warehouse.run(
      `CREATE OR REPLACE TEMP ${plan.checkedAsView ? "VIEW" : "TABLE"} ${checked} AS
       SELECT *, ${anyRuleFails(plan.rules)} AS _bad
       FROM (SELECT *${firstLine}${derived} FROM ${joined} ${duplicateJoin})`,
    );
    const badRows = await rejectBadRows(warehouse, checked, manifest.id, context.file, plan.rules);
    await warehouse.run(
      `CREATE OR REPLACE TEMP VIEW ${accepted} AS SELECT * EXCLUDE (_bad) FROM ${checked} WHERE NOT _bad`,
    );
    const rowsLoaded = await plan.write(accepted, {
      rowsSql: staged.rowsSql,
      keptTables: staged.keptTables,
      checked,
      stagedRows: staged.rowsRead - staged.rowsMalformed,
      badRows,
    });
    return { rowsRead: staged.rowsRead, rowsLoaded };
  } finally {
    await warehouse.run(
      `DROP VIEW IF EXISTS ${accepted}; DROP ${plan.checkedAsView ? "VIEW" : "TABLE"} IF EXISTS ${checked}; DROP TABLE IF EXISTS ${duplicates}; DROP VIEW IF EXISTS ${joined};`,
    );
    await dropStaged(warehouse, context.stagingName);
  }
}
