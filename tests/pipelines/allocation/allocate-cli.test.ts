/**
 * `ntg allocate` on a fixture project (a warehouse file and a scenarios folder written here): the output
 * columns are the contract outside checks rely on, totals are exact to the penny, and every mode works.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../../../models/allocation/index.ts";
import { main } from "../../../pipelines/cli/main.ts";
import { FIXTURE_SCENARIOS, writeFixtureWarehouseFile, writeScenario } from "./fixture-warehouse.ts";

let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "ntg-allocate-cli-"));
  await writeFixtureWarehouseFile(path.join(root, "dist"));
  for (const [name, yaml] of Object.entries(FIXTURE_SCENARIOS))
    writeScenario(path.join(root, "sources"), name, yaml);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function ntg(...args: string[]) {
  const chunks: Buffer[] = [];
  const errors: string[] = [];
  const sink = (into: (chunk: Buffer) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        into(Buffer.from(chunk));
        done();
      },
    });
  const code = await main(
    [
      "allocate",
      ...args,
      "--sources",
      path.join(root, "sources"),
      "--dist",
      path.join(root, "dist"),
      "--quiet",
    ],
    sink((chunk) => chunks.push(chunk)),
    sink((chunk) => errors.push(chunk.toString("utf8"))),
  );
  const bytes = Buffer.concat(chunks);
  return { code, stdout: bytes.toString("utf8"), bytes, stderr: errors.join("") };
}

const CONTRACT =
  "code,name,amount,share,perHead,perDeprivedPerson,targetAmount,distanceFromTarget,changeFromBaseline";
const penceOf = (csv: string) =>
  csv
    .trim()
    .split("\n")
    .slice(1)
    .reduce((sum, line) => sum + Math.round(Number(line.split(",")[2]) * 100), 0);

describe("ntg allocate <scenario>", () => {
  it("prints the tiered split exactly, in the contract's columns, to the penny", async () => {
    const { code, stdout } = await ntg("tiered", "--format", "csv");
    expect(code).toBe(0);
    const [header, first, second] = stdout.trim().split("\n");
    expect(header).toBe(CONTRACT);
    expect(first).toMatch(/^E07000001,District One,700\.00,0\.7,/);
    expect(second).toMatch(/^E07000002,District Two,300\.00,0\.3,/);
  });

  it("gives need-based amounts that sum to the pot exactly and are never negative (CSV and JSON)", async () => {
    for (const id of ["by-income", "by-extent-floor", "localities"]) {
      const csv = (await ntg(id, "--format", "csv")).stdout;
      expect(penceOf(csv), id).toBe(id === "localities" ? 99999 : 100000);
      const rows = JSON.parse((await ntg(id, "--format", "json")).stdout) as Record<string, number>[];
      expect(Object.keys(rows[0]!).join(",")).toBe(CONTRACT);
      expect(rows.every((row) => row.amount! >= 0)).toBe(true);
    }
  });

  it("prints a readable table with £, the total and the notes", async () => {
    const { stdout } = await ntg("by-extent-floor");
    expect(stdout).toContain("By extent with a floor (by-extent-floor)");
    expect(stdout).toMatch(/E07000002\s+District Two\s+£400\.00/);
    expect(stdout).toContain("total £1,000.00");
    expect(stdout).toMatch(/note: .*floor/);
  });

  it("prints the inputs as JSON that rerun to the same amounts with the pure model", async () => {
    const inputs = JSON.parse((await ntg("by-income", "--inputs")).stdout);
    const csv = (await ntg("by-income", "--format", "csv")).stdout;
    const amounts = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => Number(line.split(",")[2]));
    expect(allocate(inputs.pot, inputs.recipients, inputs.rule).rows.map((row) => row.amount)).toEqual(
      amounts,
    );
  });

  it("writes an XLSX file to --output", async () => {
    const file = path.join(root, "by-income.xlsx");
    expect((await ntg("by-income", "--format", "xlsx", "--output", file)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(0, 4).toString("hex")).toBe("504b0304");
  });

  it("refuses an unknown scenario (exit 2, naming the known ones) and an unknown format", async () => {
    const unknown = await ntg("nowhere");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown scenario "nowhere"[\s\S]*Known scenarios: by-extent-floor, by-income/,
    );
    expect((await ntg("tiered", "--format", "pdf")).code).toBe(2);
    expect((await ntg()).code).toBe(2);
  });
});

describe("ntg allocate --list, --compare, --sensitivity", () => {
  it("lists id, title, recipients, rule", async () => {
    const { stdout } = await ntg("--list", "--format", "csv");
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("id,title,recipients,rule,population,baseline");
    expect(lines).toContain("tiered,Tiered split,districts of E10000001,tiered (2 fixed amounts),mid-2015,");
  });

  it("compares side by side with gains and losses against the shared baseline", async () => {
    const json = JSON.parse((await ntg("--compare", "tiered,equal,by-income", "--format", "json")).stdout);
    expect(json.baselineId).toBe("tiered");
    const equalOne = json.rows.find(
      (row: { scenarioId: string; code: string }) => row.scenarioId === "equal" && row.code === "E07000001",
    );
    expect(equalOne).toMatchObject({ amount: 500, changeFromBaseline: -200, targetAmount: 683.76 });
    expect(json.departures.map((d: { toId: string }) => d.toId)).toEqual(["equal", "by-income"]);
    const text = (await ntg("--compare", "tiered,equal,by-income")).stdout;
    expect(text).toContain("How far tiered departs from each scenario");
    expect(text).toMatch(/Tiered split gives District One £0\.16 per head, 2\.39× the £ per head/);
    const csv = (await ntg("--compare", "tiered,by-income", "--format", "csv")).stdout;
    expect(csv.split("\n")[0]).toBe(
      "code,name,scenarioId,scenarioLabel,amount,share,perHead,perDeprivedPerson,targetAmount,distanceFromTarget,changeFromBaseline",
    );
  });

  it("refuses to compare scenarios over different recipients", async () => {
    const { code, stderr } = await ntg("--compare", "tiered,localities");
    expect(code).toBe(2);
    expect(stderr).toMatch(/different recipients/);
  });

  it("gives seeded P5/P50/P95 per recipient, the same for the same seed", async () => {
    const args = ["by-income", "--sensitivity", "--draws", "500", "--seed", "7", "--format", "csv"];
    const first = (await ntg(...args)).stdout;
    expect(first.split("\n")[0]).toBe("code,name,amount,p5,p50,p95,mean");
    expect((await ntg(...args)).stdout).toBe(first);
    const [, row] = first.trim().split("\n");
    const [p5, p50, p95] = row!.split(",").slice(3, 6).map(Number);
    expect(p5! < p50! && p50! < p95!).toBe(true);
  });
});
