/**
 * The pure models: statistics, deprivation, differential targets and forecasts, allocation. No I/O, no
 * clock; safe to bundle for the browser. Importable as `narrowing-the-gaps/models`.
 */
export * from "./allocation/index.ts";
export * from "./deprivation/index.ts";
export * from "./distributions.ts";
export * from "./errors.ts";
export * from "./random.ts";
export * from "./regression.ts";
export * from "./statistics/index.ts";
export * from "./targets/index.ts";
