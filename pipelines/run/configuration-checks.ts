/**
 * Validation of the configuration that derive steps read (local indices, allocation scenarios, targets …),
 * run by `ntg check` and before any data is touched by `ntg run`, so a typo fails in a second with its file
 * and line instead of after the load. Add a check here when a step gains a configuration folder.
 */
import path from "node:path";
import { readScenarios, scenariosDir } from "../allocation/read-scenarios.ts";
import { readLocalIndices } from "../derive/deprivation/local-index-config.ts";
import { DISCLOSURE_SETTINGS_FILE, readDisclosureSettings } from "../publish/disclosure/index.ts";
import { checkPlans } from "../publish/packs/read-plans.ts";
import { readTargetConfigs } from "../targets/read-target-configs.ts";

export interface ConfigurationCheck {
  name: string;
  /** Validates the configuration under `sourcesDir`; returns a count for the summary line; throws SchemaError. */
  check(sourcesDir: string): number;
}

export const CONFIGURATION_CHECKS: ConfigurationCheck[] = [
  { name: "local indices", check: (sourcesDir) => readLocalIndices(path.join(sourcesDir, "indices")).length },
  { name: "allocation scenarios", check: (sourcesDir) => readScenarios(scenariosDir(sourcesDir)).length },
  { name: "targets", check: (sourcesDir) => readTargetConfigs(path.join(sourcesDir, "targets")).length },
  { name: "delivery plans", check: (sourcesDir) => checkPlans(sourcesDir) },
  {
    name: `disclosure threshold (${DISCLOSURE_SETTINGS_FILE})`,
    check: (sourcesDir) => readDisclosureSettings(sourcesDir).threshold,
  },
];
