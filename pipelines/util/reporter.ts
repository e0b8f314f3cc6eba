/**
 * Progress output, injected into every stage so tests can capture it and the CLI can print it. Progress
 * goes to stderr so that `ntg query --format csv > out.csv` stays clean.
 */
export interface Reporter {
  /** A line of progress, e.g. "  imd2019-domains  263,040 rows  0.4 s". */
  info(message: string): void;
  /** Something the user should know but that does not stop the run. */
  warn(message: string): void;
}

export const silentReporter: Reporter = { info() {}, warn() {} };

export function consoleReporter(stream: NodeJS.WritableStream = process.stderr): Reporter {
  return {
    info: (message) => stream.write(`${message}\n`),
    warn: (message) => stream.write(`warning: ${message}\n`),
  };
}

/** A reporter that keeps every line, for tests. */
export function memoryReporter(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) };
}

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-GB");
}

/** Seconds since `startedAt` (from performance.now()) with one decimal, e.g. "0.4 s". */
export function formatSeconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
