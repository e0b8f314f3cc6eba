/**
 * A thin wrapper over a DuckDB connection: regular method names, numbers instead of bigints, and a
 * `close()` that callers put in `finally`. Extensions are never auto-installed or auto-loaded: only the
 * built-in json, parquet and icu are available offline, so anything else must fail at once.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";

export type Row = Record<string, unknown>;
export type Parameters = DuckDBValue[] | Record<string, DuckDBValue>;

/** DuckDB's memory budget unless NTG_MEMORY_LIMIT says otherwise. */
export const DEFAULT_MEMORY_LIMIT = "3GB";

/**
 * With NTG_PROFILE=1, statements slower than half a second are printed to stderr with their time (the
 * first 300 characters; NTG_PROFILE=full prints every statement whole).
 */
function logIfSlow(sql: string, startedAt: number): void {
  const seconds = (performance.now() - startedAt) / 1000;
  const profile = process.env.NTG_PROFILE;
  if (profile === "full" || (profile && seconds > 0.5)) {
    const text = sql.replace(/\s+/g, " ");
    process.stderr.write(`[${seconds.toFixed(1)} s] ${profile === "full" ? text : text.slice(0, 300)}\n`);
  }
}

/** Converts DuckDB's JS values for plain use: bigint → number, nested values recursively. */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

export class Warehouse {
  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** Whether closing this wrapper closes the database (false for extra connections from `connect`). */
    private readonly ownsInstance = true,
  ) {}

  /**
   * Another connection to the same database, for work in parallel (e.g. loading several sources at once).
   * Temporary tables are private to a connection. Closing it leaves the database open.
   */
  async connect(): Promise<Warehouse> {
    return new Warehouse(this.file, this.instance, await DuckDBConnection.create(this.instance), false);
  }

  /** Opens (or creates) a warehouse file, or an in-memory database for ":memory:". */
  static async open(
    file: string,
    options: { readOnly?: boolean; threads?: number } = {},
  ): Promise<Warehouse> {
    const settings: Record<string, string> = {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    };
    if (options.readOnly) settings.access_mode = "READ_ONLY";
    // A bounded memory budget keeps national loads well under the machine's memory (DuckDB spills to a
    // temporary folder next to the database beyond it). Override with NTG_MEMORY_LIMIT, e.g. "8GB".
    settings.memory_limit = process.env.NTG_MEMORY_LIMIT || DEFAULT_MEMORY_LIMIT;
    if (options.threads) settings.threads = String(options.threads);
    const instance = await DuckDBInstance.create(file, settings);
    const connection = await DuckDBConnection.create(instance);
    return new Warehouse(file, instance, connection);
  }

  /** Runs one or more statements. */
  async run(sql: string, parameters?: Parameters): Promise<void> {
    const startedAt = performance.now();
    await this.connection.run(sql, parameters);
    logIfSlow(sql, startedAt);
  }

  /** Runs one INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  async runCountingRows(sql: string, parameters?: Parameters): Promise<number> {
    const startedAt = performance.now();
    const result = await this.connection.run(sql, parameters);
    logIfSlow(sql, startedAt);
    return Number(result.rowsChanged);
  }

  /** Runs a query and returns its rows as plain objects. */
  async rows<T extends Row = Row>(sql: string, parameters?: Parameters): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, parameters);
    return reader.getRowObjectsJS().map((row) => plain(row) as T);
  }

  /** Runs a query and returns its column names and rows as arrays (for printing tables). */
  async table(sql: string, parameters?: Parameters): Promise<{ columns: string[]; rows: unknown[][] }> {
    const reader = await this.connection.runAndReadAll(sql, parameters);
    return {
      columns: reader.deduplicatedColumnNames(),
      rows: reader.getRowsJS().map((row) => row.map(plain)),
    };
  }

  /** The first column of the first row, or undefined. */
  async scalar<T = unknown>(sql: string, parameters?: Parameters): Promise<T | undefined> {
    const startedAt = performance.now();
    const reader = await this.connection.runAndReadAll(sql, parameters);
    logIfSlow(sql, startedAt);
    if (reader.currentRowCount === 0) return undefined;
    return plain(reader.getRowsJS()[0]![0]) as T;
  }

  /** Writes everything to the file and closes it; safe to call twice. */
  close(): void {
    try {
      this.connection.closeSync();
    } finally {
      if (this.ownsInstance) this.instance.closeSync();
    }
  }
}

/** Quotes an identifier for SQL ("my column" → "my column" with embedded quotes doubled). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for SQL. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
