/**
 * The shape of a pack's content between the data and the HTML: five sections, one per stage of the
 * delivery planning standard (DOMAIN.md), each with its question, key findings (plain sentences generated
 * from the protected numbers) and blocks (charts, tables, notes) in reading order.
 */
import type { ChartOutput } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import type { PublishedTable } from "./pack-table.ts";

export type Block =
  | { kind: "chart"; chart: ChartOutput }
  | { kind: "table"; table: PublishedTable; rows?: number[]; caption?: string; columns?: string[] }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A boxed statement the reader must not miss: example targets, no targets, illustrative areas. */
  | { kind: "notice"; text: string };

export interface PackSection {
  stage: 1 | 2 | 3 | 4 | 5;
  id: string;
  title: string;
  /** The question of the standard this section answers. */
  question: string;
  findings: string[];
  blocks: Block[];
}

/** The five stages, in order, with their questions (DOMAIN.md: delivery planning standard). */
export const STAGES = [
  {
    stage: 1,
    id: "understanding",
    title: "Understanding the priority",
    question: "How well is the priority understood: local conditions, deprivation and where the gap is?",
  },
  {
    stage: 2,
    id: "performance",
    title: "Current performance and trends",
    question: "How are we doing now, and which way are things moving?",
  },
  {
    stage: 3,
    id: "forecast",
    title: "Forecast against target",
    question: "Where are we going: will the targets be met?",
  },
  {
    stage: 4,
    id: "intervene",
    title: "Where to intervene",
    question: "Which places carry the gap, and what should each be asked to achieve?",
  },
  {
    stage: 5,
    id: "options",
    title: "Options",
    question: "How: what would each way of allocating resources give each place?",
  },
] as const;

export function sectionShell(stage: 1 | 2 | 3 | 4 | 5): Omit<PackSection, "findings" | "blocks"> {
  const { id, title, question } = STAGES[stage - 1]!;
  return { stage, id, title, question };
}

export function findTable(data: PackData, id: string): PublishedTable | undefined {
  return data.tables.find((table) => table.id === id);
}

/** Indices of the rows of a table that pass a test (for tables shown in parts). */
export function rowIndices(table: PublishedTable, test: (row: Record<string, unknown>) => boolean): number[] {
  return table.rows.flatMap((row, index) => (test(row) ? [index] : []));
}
