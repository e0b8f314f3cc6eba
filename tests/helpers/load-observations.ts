/**
 * Loads a long observations file (the fixture project's `test-observations` source) with `ntg load` and
 * reads back what a user would check: its rows in the observation view and its rejected lines.
 */
import { expect } from "vitest";
import { Warehouse } from "../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject } from "./fixture-project.ts";

export type LoadedObservation = {
  source_line: number;
  indicator: string;
  area_code: string;
  numerator: number | null;
  value: number | null;
  note: string | null;
};

export type RejectedLine = {
  line: number;
  column_name: string | null;
  value: string | null;
  reason: string;
};

export async function loadObservationsText(text: string): Promise<{
  project: FixtureProject;
  loaded: LoadedObservation[];
  rejects: RejectedLine[];
}> {
  const project = createFixtureProject({ observations: text });
  const result = await project.ntg("load");
  expect(result.code, result.stderr).toBe(0);
  const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
  try {
    const loaded = await warehouse.rows<LoadedObservation>(
      `SELECT source_line, indicator, area_code, numerator, value, note FROM observation
       WHERE source = 'test-observations' ORDER BY source_line`,
    );
    const rejects = await warehouse.rows<RejectedLine>(
      "SELECT line, column_name, value, reason FROM reject WHERE source = 'test-observations' ORDER BY line, column_name",
    );
    return { project, loaded, rejects };
  } finally {
    warehouse.close();
  }
}
