/**
 * Derive step "allocation scenarios": runs every scenario of sources/scenarios/*.yaml on the freshly
 * loaded warehouse and stores the results in `allocation` and `allocation_scenario`, so the site and the
 * evidence packs can show them without recomputing. A scenario whose recipients or need measures the
 * warehouse does not hold (e.g. a build from other sources) is skipped with a warning; an invalid
 * scenario file fails the build.
 */
import { ProjectError, SourceError } from "../../models/errors.ts";
import type { DeriveContext, DeriveStep } from "../derive/derive-stage.ts";
import type { Reporter } from "../util/reporter.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { type AllocationInputs, allocateInputs, allocationInputs, inputsCache } from "./allocation-inputs.ts";
import { ALLOCATION_TABLES_SQL } from "./allocation-tables.ts";
import { readScenarios, scenariosDir } from "./read-scenarios.ts";
import type { LoadedScenario } from "./scenario-schema.ts";

async function storeScenario(warehouse: Warehouse, scenario: LoadedScenario, inputs: AllocationInputs) {
  const result = allocateInputs(inputs);
  const { scenario: about } = inputs;
  await warehouse.run(
    "INSERT INTO allocation_scenario VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    [
      about.id,
      about.title,
      about.description,
      about.recipients,
      about.rule,
      inputs.rule.kind,
      about.population,
      about.baselineId,
      result.total,
      result.roundingUnit,
      result.dampingFactor ?? null,
      result.notes.join("; "),
      scenario.file,
      JSON.stringify(inputs),
    ],
  );
  for (const [position, row] of result.rows.entries()) {
    const area = inputs.areas[position]!;
    await warehouse.run(
      "INSERT INTO allocation VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      [
        about.id,
        position + 1,
        row.code,
        row.name,
        area.type,
        area.illustrative,
        row.amount,
        row.share,
        row.perHead,
        row.perDeprivedPerson,
        row.targetAmount,
        row.distanceFromTarget,
        row.changeFromBaseline,
      ],
    );
  }
}

/** The step for the scenarios in `folder` (default: `scenarios/` of the sources folder, read at run time). */
export function allocationStep(folder?: string): DeriveStep {
  return {
    name: "allocation scenarios",
    async run(warehouse: Warehouse, reporter: Reporter, context?: DeriveContext) {
      const scenarios = readScenarios(folder ?? scenariosDir(context?.sourcesDir));
      await warehouse.run(ALLOCATION_TABLES_SQL);
      if (scenarios.length === 0) return "no scenarios defined";
      const skipped: string[] = [];
      const reasons = new Set<string>();
      const cache = inputsCache();
      for (const scenario of scenarios) {
        try {
          await storeScenario(
            warehouse,
            scenario,
            await allocationInputs(warehouse, scenario, scenarios, cache),
          );
        } catch (error) {
          // Data this warehouse lacks is a warning; anything else (a bug, a bad rule) stops the build.
          if (!(error instanceof SourceError) && !(error instanceof ProjectError && error.code === "usage"))
            throw error;
          // One warning per distinct reason: a build without the county would otherwise repeat it.
          if (!reasons.has(error.message))
            reporter.warn(`allocation scenario ${scenario.id} skipped: ${error.message}`);
          reasons.add(error.message);
          skipped.push(scenario.id);
        }
      }
      const stored = scenarios.length - skipped.length;
      return `${stored} of ${scenarios.length} scenarios in table allocation${skipped.length ? ` (skipped: ${skipped.join(", ")})` : ""}`;
    },
  };
}
