/**
 * Derive step "local indices": each index declared in sources/indices/*.yaml is computed for every LSOA
 * of its edition with the pure models — `compositeIndexScores` (the IMD construction with the index's own
 * weights), `rankScores` (national ranks, 1 = most deprived) and `decilesFromRanks` — and written to
 * `deprivation_local_index`. Table `deprivation_index` lists the official IMD and every local index, so
 * the summaries step and `ntg deprivation --index NAME` find them.
 */
import path from "node:path";
import {
  compositeIndexScores,
  type DeprivationDomain,
  decilesFromRanks,
  nationalLsoaCount,
  OFFICIAL_IMD_WEIGHTS,
  rankScores,
} from "../../../models/deprivation/index.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { formatCount } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { LOCAL_INDEX_TABLES_SQL } from "./derived-tables.ts";
import { readDomainRanks } from "./domain-ranks.ts";
import {
  defaultIndicesDir,
  type LocalIndex,
  OFFICIAL_INDEX_ID,
  readLocalIndices,
} from "./local-index-config.ts";
import { writeTemporaryTable } from "./write-columns.ts";

/** The step for the indices in `folder` (default: `indices/` of the sources folder, read at run time). */
export function localIndicesStep(folder?: string): DeriveStep {
  return {
    name: "local deprivation indices",
    async run(warehouse, _reporter, context) {
      const indices = readLocalIndices(
        folder ?? (context ? path.join(context.sourcesDir, "indices") : defaultIndicesDir()),
      );
      await warehouse.run(LOCAL_INDEX_TABLES_SQL);
      await warehouse.run(
        `INSERT INTO deprivation_index VALUES ($1, 'Index of Multiple Deprivation (official)', NULL,
           'The official IMD of each edition: published scores, or scores rebuilt from the domain ranks.',
           false, $2, NULL)`,
        [OFFICIAL_INDEX_ID, JSON.stringify(OFFICIAL_IMD_WEIGHTS)],
      );
      if (indices.length === 0) return "no local indices defined";
      const parts: string[] = [];
      for (const index of indices) {
        const lsoas = await computeLocalIndex(warehouse, index);
        parts.push(`${index.id}${index.example ? " (example)" : ""}: ${formatCount(lsoas)} LSOAs`);
      }
      return parts.join("; ");
    },
  };
}

/** Computes one local index for every LSOA of its edition; returns the number of LSOAs. */
async function computeLocalIndex(warehouse: Warehouse, index: LocalIndex): Promise<number> {
  const domains = Object.entries(index.weights)
    .filter(([, weight]) => (weight ?? 0) > 0)
    .map(([domain]) => domain as DeprivationDomain);
  const n = nationalLsoaCount(index.edition);
  const { lsoaType, lsoaCodes, ranks } = await readDomainRanks(warehouse, index.edition, domains);
  const scores = compositeIndexScores(ranks, index.weights, n);
  // Ranked among all LSOAs of England in the edition: national ranks, never ranks within the county.
  const nationalRanks = rankScores(scores);
  const deciles = decilesFromRanks(nationalRanks, n);
  await writeTemporaryTable(warehouse, "local_index_rows", {
    lsoa: { type: "VARCHAR", values: lsoaCodes },
    score: { type: "DOUBLE", values: scores },
    rank: { type: "INTEGER", values: nationalRanks },
    decile: { type: "INTEGER", values: deciles },
  });
  await warehouse.run(
    "INSERT INTO deprivation_local_index SELECT $1, $2, lsoa, $3, score, rank, decile FROM local_index_rows",
    [index.id, index.edition, lsoaType],
  );
  await warehouse.run("DROP TABLE local_index_rows");
  await warehouse.run("INSERT INTO deprivation_index VALUES ($1, $2, $3, $4, $5, $6, $7)", [
    index.id,
    index.name,
    index.edition,
    index.description,
    index.example,
    JSON.stringify(index.weights),
    displayPath(index.file),
  ]);
  return lsoaCodes.length;
}
