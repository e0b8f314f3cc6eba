/**
 * IMD 2019 average score and extent of each recipient, as the IoD district summaries define them
 * (METHODS.md §5: weighted by the IoD 2019 File 6 mid-2015 population, whatever population the scenario
 * uses per head). Read from the derived table `deprivation_summary` (edition 2019, index imd) when it has
 * the recipient — the one source of truth the site and packs also read — else computed with the pure
 * `deprivationSummary` model from the recipient's LSOAs (custom areas such as single LSOAs, or a
 * warehouse built without the deprivation steps). IMD 2019 scores exist only after the derive step that
 * rebuilds them from domain ranks; without scores, extent (ranks only) is still given.
 */
import { deprivationSummary, nationalLsoaCount } from "../../models/deprivation/index.ts";
import { quoteLiteral, type Warehouse } from "../warehouse/warehouse.ts";
import type { RecipientArea } from "./recipient-areas.ts";
import { NEED_SOURCES, populationJoin, recipientLsoasCte } from "./recipient-lsoas.ts";

export interface DeprivationAverages {
  averageScore: number | null;
  extent: number;
  source: "deprivation_summary" | "deprivationSummary model";
  note?: string;
}

const SUMMARY_TABLE = "deprivation_summary";

async function fromSummaryTable(warehouse: Warehouse, areas: readonly RecipientArea[]) {
  const found = new Map<string, DeprivationAverages>();
  const exists = await warehouse.scalar<number>(
    `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = ${quoteLiteral(SUMMARY_TABLE)} AND NOT temporary`,
  );
  if (!exists) return found;
  const rows = await warehouse.rows<{ code: string; average_score: number | null; extent: number | null }>(
    `${recipientLsoasCte(areas)}
    SELECT r.code, s.average_score, s.extent FROM recipient r JOIN ${SUMMARY_TABLE} s
      ON s.area_code = r.code AND s.area_type = r.type AND s.edition = ${NEED_SOURCES.edition} AND s.index_id = 'imd'`,
  );
  for (const row of rows) {
    if (row.extent === null) continue;
    found.set(row.code, {
      averageScore: row.average_score,
      extent: row.extent,
      source: "deprivation_summary",
    });
  }
  return found;
}

type LsoaRow = {
  code: string;
  weight: number;
  population: number | null;
  rank: number | null;
  score: number | null;
};

/** Averages from the pure model (for the areas the summary table does not have; exported for checks). */
export async function deprivationAveragesFromModel(warehouse: Warehouse, areas: readonly RecipientArea[]) {
  const found = new Map<string, DeprivationAverages>();
  if (areas.length === 0) return found;
  const rows = await warehouse.rows<LsoaRow>(
    `${recipientLsoasCte(areas)}
    SELECT m.code, m.weight, p.population, d.rank, d.score
    FROM member m
    ${populationJoin("p", quoteLiteral(NEED_SOURCES.iodPopulationPeriod))}
    LEFT JOIN deprivation d ON d.lsoa = m.lsoa AND d.lsoa_type = ${quoteLiteral(NEED_SOURCES.lsoaType)}
      AND d.edition = ${NEED_SOURCES.edition} AND d.domain = 'imd'
    WHERE d.rank IS NOT NULL AND p.population IS NOT NULL
    ORDER BY m.code, m.lsoa`,
  );
  const n = nationalLsoaCount(NEED_SOURCES.edition);
  const rowsByCode = new Map<string, LsoaRow[]>();
  for (const row of rows) {
    const group = rowsByCode.get(row.code);
    if (group) group.push(row);
    else rowsByCode.set(row.code, [row]);
  }
  for (const area of areas) {
    const lsoas = rowsByCode.get(area.code) ?? [];
    if (lsoas.length === 0 || !lsoas.some((row) => (row.population ?? 0) * row.weight > 0)) continue;
    const scoresKnown = lsoas.every((row) => row.score !== null);
    const summary = deprivationSummary(
      {
        populations: lsoas.map((row) => row.population!),
        ranks: lsoas.map((row) => row.rank!),
        scores: lsoas.map((row) => row.score ?? 0),
        apportionmentWeights: lsoas.map((row) => row.weight),
      },
      { n },
    );
    const averages: DeprivationAverages = {
      averageScore: scoresKnown ? summary.averageScore : null,
      extent: summary.extent,
      source: "deprivationSummary model",
    };
    if (!scoresKnown) {
      averages.note =
        "IMD 2019 scores are missing (the derive step that rebuilds them from domain ranks has not run): no average score";
    }
    found.set(area.code, averages);
  }
  return found;
}

/**
 * IMD 2019 average score and extent by recipient code; recipients with no IMD 2019 ranks or mid-2015
 * populations are absent from the map.
 */
export async function deprivationAverages(
  warehouse: Warehouse,
  areas: readonly RecipientArea[],
): Promise<Map<string, DeprivationAverages>> {
  const fromTable = await fromSummaryTable(warehouse, areas);
  const rest = areas.filter((area) => !fromTable.has(area.code));
  const computed = await deprivationAveragesFromModel(warehouse, rest);
  return new Map([...fromTable, ...computed]);
}
