/**
 * Reads a notebook: front matter, then Markdown with fenced cells.
 *
 * - ```` ```sql name ```` runs against the warehouse at build; its rows are bound to `name` for later cells.
 *   Options after the name: `show` (also display the rows as a table), `no-download` (do not offer them as
 *   CSV/Parquet, e.g. geometry), `optional` (a missing table gives no rows instead of failing the build;
 *   the result then has `missingTable`). An unnamed sql cell is displayed as a table.
 * - ```` ```js ```` is evaluated in Node at build; its value (a chart, an array of charts, `table(…)`,
 *   `html`…``) is displayed. ```` ```js name ```` binds its value to `name` instead. Option `once`: evaluate
 *   once for all pages of a template (the cell may not use the template's value or parameterised results).
 *
 * Other fenced blocks (```` ```yaml ```` …) are shown as code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SchemaError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { type FrontMatter, readFrontMatter } from "./front-matter.ts";

export interface MarkdownBlock {
  kind: "markdown";
  text: string;
  line: number;
}

export interface NotebookCell {
  kind: "sql" | "js";
  name: string | undefined;
  options: Set<string>;
  code: string;
  /** Line of the opening fence in the notebook file (1-based). */
  line: number;
}

export type NotebookBlock = MarkdownBlock | NotebookCell;

export interface Notebook {
  /** Path relative to the notebooks folder, e.g. "area-profile.md" (used in messages). */
  file: string;
  frontMatter: FrontMatter;
  blocks: NotebookBlock[];
}

const CELL_OPTIONS: Record<NotebookCell["kind"], string[]> = {
  sql: ["show", "no-download", "optional"],
  js: ["once"],
};
const CELL_FENCE = /^(`{3,})(sql|js)(?:[ \t]+(.*))?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function readNotebook(file: string, root: string): Notebook {
  const relative = path.relative(root, file).split(path.sep).join("/");
  return parseNotebook(readFileSync(file, "utf8"), relative, displayPath(file));
}

/** Parses notebook text; `file` identifies it in the site, `shownAs` names it in error messages. */
export function parseNotebook(text: string, file: string, shownAs = file): Notebook {
  const { frontMatter, body, bodyLine } = readFrontMatter(text, shownAs);
  const lines = body.split("\n");
  const blocks: NotebookBlock[] = [];
  let markdown: string[] = [];
  let markdownLine = bodyLine;
  const flushMarkdown = (nextLine: number) => {
    if (markdown.some((line) => line.trim() !== "")) {
      blocks.push({ kind: "markdown", text: markdown.join("\n"), line: markdownLine });
    }
    markdown = [];
    markdownLine = nextLine;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const fence = CELL_FENCE.exec(lines[index]!);
    if (!fence) {
      markdown.push(lines[index]!);
      continue;
    }
    const line = bodyLine + index;
    const close = lines.findIndex((l, i) => i > index && l.trimEnd() === fence[1]);
    if (close === -1)
      throw new SchemaError(`${shownAs}:${line}: the ${fence[2]} cell is never closed with ${fence[1]}`);
    flushMarkdown(bodyLine + close + 1);
    blocks.push(
      cellFrom(
        fence[2] as NotebookCell["kind"],
        fence[3] ?? "",
        lines.slice(index + 1, close),
        shownAs,
        line,
      ),
    );
    index = close;
  }
  flushMarkdown(bodyLine + lines.length);
  const sqlNames = blocks.flatMap((block) => (block.kind === "sql" && block.name ? [block.name] : []));
  const unknown = Object.keys(frontMatter.disclosure).filter((name) => !sqlNames.includes(name));
  if (unknown.length > 0) {
    throw new SchemaError(
      `${shownAs}: disclosure: no sql cell named "${unknown[0]}"`,
      `Declarations are keyed by the name of a sql cell (${sqlNames.join(", ") || "this notebook has none"}).`,
    );
  }
  return { file, frontMatter, blocks };
}

function cellFrom(
  kind: NotebookCell["kind"],
  info: string,
  code: string[],
  file: string,
  line: number,
): NotebookCell {
  const words = info.trim().split(/\s+/).filter(Boolean);
  const name = words[0] && !CELL_OPTIONS[kind].includes(words[0]) ? words.shift() : undefined;
  if (name !== undefined && !IDENTIFIER.test(name)) {
    throw new SchemaError(
      `${file}:${line}: cell name "${name}" is not a JavaScript identifier`,
      "Name results like localityValues or deprivation_2019 (letters, digits, _ and $).",
    );
  }
  const unknown = words.filter((word) => !CELL_OPTIONS[kind].includes(word));
  if (unknown.length > 0) {
    throw new SchemaError(
      `${file}:${line}: unknown ${kind} cell option "${unknown[0]}"`,
      `Options for ${kind} cells: ${CELL_OPTIONS[kind].join(", ")}.`,
    );
  }
  return { kind, name, options: new Set(words), code: code.join("\n"), line };
}
