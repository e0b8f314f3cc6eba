import { describe, expect, it } from "vitest";
import { describeTable } from "../../../pipelines/derive/table-descriptions.ts";

describe("ntg query --tables descriptions", () => {
  it("tells a source's kept rows from the small tables beside them, even when the source id ends like one", () => {
    const rows = describeTable("observation_of_ons_health_index_indicators");
    expect(rows).toMatch(/rows as read from its file/);
    expect(describeTable("observation_of_ons_health_index_indicators__indicators")).toMatch(
      /catalogue indicator/,
    );
    expect(describeTable("observation_of_fingertips__rejected")).toMatch(/rejected/);
    expect(describeTable("observation_of_fingertips__text_rows")).toMatch(/not a plain number/);
    expect(describeTable("observation")).toMatch(/a view over/);
    expect(describeTable("not_a_table")).toBe("");
  });
});
