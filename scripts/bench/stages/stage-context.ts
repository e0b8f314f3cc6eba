/** What every benchmark stage receives (from the parent process, as JSON) and returns. */
export interface StageContext {
  /** dist/bench */
  benchDir: string;
  /** dist/bench/sources */
  sourcesDir: string;
  /** dist/bench/warehouse.duckdb */
  warehousePath: string;
  /** The project's shared data folder (../shared/data). */
  sharedData: string;
  /** dist/bench/warwickshire: the default run's own dist folder. */
  warwickshireDist: string;
  /** Number of bench indicators (S 5, M 50, L 100). */
  indicators: number;
}

export interface StageOutcome {
  /** Rows the stage produced (loaded, aggregated, compared …). */
  rows: number;
  /** Seconds of the stage's own work, timed inside the child process. */
  seconds: number;
  /** Anything the figure needs to be read with (e.g. which stages a rerun skipped). */
  note?: string;
}
