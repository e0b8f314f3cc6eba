/**
 * The catalogue entry of a targeted indicator: from `sources/catalogue/indicators.yaml` (already in table
 * `indicator`), or from the targets file's `definition:` for a series built here (registered in table
 * `indicator` unless the catalogue has the id, which wins). Targets need a direction of improvement, so
 * an indicator with polarity "none" cannot have one.
 */
import { SchemaError } from "../../models/errors.ts";
import type { TargetPolarity } from "../../models/targets/index.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";

export interface TargetIndicator {
  id: string;
  name: string;
  niCode: string | null;
  theme: string | null;
  polarity: TargetPolarity;
  unit: string | null;
}

/**
 * Registers the file's definition (if any) and returns the indicator's catalogue entry.
 *
 * @throws {SchemaError} naming the file when the indicator is unknown or has no polarity.
 */
export async function targetIndicator(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
): Promise<TargetIndicator> {
  const { definition } = config;
  if (definition) {
    await warehouse.run(
      `INSERT INTO indicator (id, ni_code, name, theme, polarity, value_type, multiplier, unit, definition, catalogued)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true) ON CONFLICT (id) DO NOTHING`,
      [
        config.indicator,
        definition.niCode ?? null,
        definition.name,
        definition.theme,
        definition.polarity,
        definition.valueType,
        definition.multiplier,
        definition.unit ?? null,
        definition.definition ?? null,
      ],
    );
  }
  const [row] = await warehouse.rows<{
    name: string;
    ni_code: string | null;
    theme: string | null;
    polarity: string;
    unit: string | null;
  }>("SELECT name, ni_code, theme, polarity, unit FROM indicator WHERE id = $1", [config.indicator]);
  const file = displayPath(config.file);
  if (!row) {
    throw new SchemaError(
      `${file}: indicator "${config.indicator}" is not in the catalogue`,
      "Use a catalogue id (sources/catalogue/indicators.yaml) or add definition: { name, theme, polarity, valueType, multiplier, unit }.",
    );
  }
  if (row.polarity !== "high-is-good" && row.polarity !== "low-is-good") {
    throw new SchemaError(
      `${file}: indicator "${config.indicator}" has polarity "${row.polarity}": a target needs high-is-good or low-is-good`,
    );
  }
  return {
    id: config.indicator,
    name: row.name,
    niCode: row.ni_code,
    theme: row.theme,
    polarity: row.polarity,
    unit: row.unit,
  };
}
