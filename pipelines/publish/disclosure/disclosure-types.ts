/**
 * What statistical disclosure control needs to know about a published table (METHODS.md §9): which columns
 * hold counts of people or households, which cells add up to which published totals, and which columns are
 * computed from counts (rates, intervals, gaps) and so reveal them. The warehouse keeps the full values;
 * these declarations travel with each table on its way to a published output.
 */

/** A row of a table about to be published: column name → value. */
export type TableRow = Readonly<Record<string, unknown>>;

/** In every row, the `parts` columns add up to the `total` column (e.g. households by number of dimensions). */
export interface ColumnTotal {
  kind: "columns";
  parts: readonly string[];
  total: string;
}

/**
 * Rows add up to another row of the same table, column by column (e.g. the LSOAs of a priority area and the
 * priority area's own row). A row can be a part of one group and the total of another (hierarchies).
 */
export interface RowTotal {
  kind: "rows";
  /** The count columns the sum holds for (each column is its own equation). */
  columns: readonly string[];
  /** The group whose total this row is part of, or null. */
  partOf: (row: TableRow, index: number) => string | null;
  /** The group this row is the total of, or null. */
  totalOf: (row: TableRow, index: number) => string | null;
  /** Coefficient of a part (default 1): an apportioned small area counts with its weight in the total. */
  weight?: (row: TableRow, index: number) => number;
  /** The total of a group without a total row is published elsewhere (so still protect its parts). */
  externalTotal?: boolean;
}

export type TotalRelation = ColumnTotal | RowTotal;

/**
 * A column computed from counts in the same row (a rate, its confidence limits, a gap, a share): published
 * only when none of the counts it is computed from is suppressed, since rate × denominator gives the count.
 */
export interface DependentColumn {
  column: string;
  from: readonly string[];
}

export interface DisclosureTable {
  /** Name used in messages and in the result. */
  name: string;
  rows: readonly TableRow[];
  /** Columns holding counts; values 0 < v < threshold are suppressed. */
  counts: readonly string[];
  totals?: readonly TotalRelation[];
  dependents?: readonly DependentColumn[];
  /**
   * Identity of a count cell across every table protected together: cells with one key are one number
   * (e.g. `indicator|area|period|numerator`), so a count hidden in one table is hidden in all. Default:
   * every cell is its own.
   */
  cellKey?: (row: TableRow, column: string) => string;
}

export interface DisclosureOptions {
  /** Counts from 1 (strictly, above 0) to below this are suppressed; default 5 (so 1–4). 0 is never. */
  threshold?: number;
  /** What a suppressed cell shows; default "*". */
  marker?: string;
  /**
   * Keys of count cells already suppressed in another output published alongside (e.g. the indicator
   * counts suppressed once for the whole site): hidden here too wherever a table shows them, and treated
   * like any hidden cell (so their own totals get secondary suppression). Needs `cellKey` on the tables.
   */
  hidden?: ReadonlySet<string>;
}

export const DEFAULT_DISCLOSURE_THRESHOLD = 5;
export const DEFAULT_SUPPRESSION_MARKER = "*";

export interface ProtectedTable {
  name: string;
  /** The rows as published: every suppressed cell holds the marker instead of its value. */
  rows: Record<string, unknown>[];
  /** For each row, the columns that were suppressed (empty when none). */
  suppressedColumns: string[][];
}

export interface DisclosureSummary {
  threshold: number;
  marker: string;
  /** Distinct count cells below the threshold. */
  primary: number;
  /**
   * Distinct count cells suppressed so the primary ones cannot be worked out from totals (here or, for
   * cells in `options.hidden`, in the output they were suppressed in).
   */
  secondary: number;
  /** Cells of dependent columns (rates, limits, gaps) suppressed with their counts. */
  dependent: number;
}

export interface DisclosureResult {
  tables: ProtectedTable[];
  summary: DisclosureSummary;
  /** Keys of every count cell suppressed (so other outputs can hide the same cells). */
  hidden: ReadonlySet<string>;
}
