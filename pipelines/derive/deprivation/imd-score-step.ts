/**
 * Derive step "IMD score from domain ranks". IoD 2019 File 2 gives the IMD rank and decile but not the
 * score, and the summaries need scores. For every edition whose `imd` rows lack scores (2019 in the
 * default sources), the score is rebuilt with the official construction — `compositeIndexScores` with
 * `OFFICIAL_IMD_WEIGHTS` and N = `nationalLsoaCount(edition)` — and written INTO table `deprivation`
 * (column `score` of the edition's `imd` rows, which keep their official rank and decile), with a note
 * saying so. Published scores are never overwritten; computed ones are recomputed when derive re-runs. The summary line reports how many ranks recomputed
 * from these scores equal the official ranks (32,736 of 32,844 for 2019: the rest sit next to LSOAs with
 * a tied published domain rank, which the official build broke with unrounded domain scores).
 */
import {
  compositeIndexScores,
  DEPRIVATION_DOMAINS,
  nationalLsoaCount,
  OFFICIAL_IMD_WEIGHTS,
  rankScores,
} from "../../../models/deprivation/index.ts";
import { formatCount, type Reporter } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { readDomainRanks } from "./domain-ranks.ts";
import { writeTemporaryTable } from "./write-columns.ts";

export const COMPUTED_SCORE_NOTE = "score computed from the 7 domain ranks (official IMD weights)";

export const imdScoreStep: DeriveStep = {
  name: "IMD score from domain ranks",
  async run(warehouse, reporter) {
    const editions = await warehouse.rows<{ edition: number; lsoas: number }>(
      `SELECT edition, count(*)::INTEGER AS lsoas FROM deprivation
       WHERE domain = 'imd' AND (score IS NULL OR contains(note, $1)) GROUP BY edition ORDER BY edition`,
      [COMPUTED_SCORE_NOTE],
    );
    if (editions.length === 0) return "every IMD row already has a score";
    const parts: string[] = [];
    for (const { edition } of editions) parts.push(await fillEditionScores(warehouse, edition, reporter));
    return parts.join("; ");
  },
};

async function fillEditionScores(warehouse: Warehouse, edition: number, reporter: Reporter): Promise<string> {
  const n = nationalLsoaCount(edition);
  const { lsoaCodes, ranks } = await readDomainRanks(warehouse, edition, DEPRIVATION_DOMAINS);
  if (lsoaCodes.length !== n) {
    reporter.warn(
      `IMD ${edition}: ${lsoaCodes.length} LSOAs have domain ranks, but the edition ranks ${n} nationally`,
    );
  }
  const scores = compositeIndexScores(ranks, OFFICIAL_IMD_WEIGHTS, n);
  await writeTemporaryTable(warehouse, "imd_score_computed", {
    lsoa: { type: "VARCHAR", values: lsoaCodes },
    score: { type: "DOUBLE", values: scores },
  });
  await warehouse.run(
    `UPDATE deprivation
     SET score = c.score, note = CASE WHEN contains(note, $2) THEN note ELSE concat_ws('; ', note, $2) END
     FROM imd_score_computed c
     WHERE deprivation.edition = $1 AND deprivation.domain = 'imd' AND deprivation.lsoa = c.lsoa
       AND (deprivation.score IS NULL OR contains(deprivation.note, $2))`,
    [edition, COMPUTED_SCORE_NOTE],
  );
  const matching = await countMatchingRanks(warehouse, edition, lsoaCodes, scores);
  await warehouse.run("DROP TABLE imd_score_computed");
  return `IMD ${edition}: ${formatCount(scores.length)} scores; recomputed ranks equal the official rank for ${formatCount(matching)}`;
}

/** How many national ranks of the computed scores equal the official IMD rank of the same LSOA. */
async function countMatchingRanks(
  warehouse: Warehouse,
  edition: number,
  lsoaCodes: string[],
  scores: Float64Array,
): Promise<number> {
  const official = new Map(
    (
      await warehouse.table("SELECT lsoa, rank FROM deprivation WHERE edition = $1 AND domain = 'imd'", [
        edition,
      ])
    ).rows.map((row) => [row[0] as string, row[1] as number]),
  );
  const recomputed = rankScores(scores);
  return lsoaCodes.filter((code, row) => official.get(code) === recomputed[row]).length;
}
