/**
 * Reads a YAML configuration file and validates it with a zod schema. Errors name the file, the line of
 * the offending key and what was expected, e.g.
 * `sources/imd2019.yaml:7: sha256: must be 64 lower-case hexadecimal characters`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { SchemaError } from "../../models/errors.ts";

/** Path of a file as shown to users: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/** Parses YAML text and validates it; `file` is only used in messages. */
export function parseYamlConfig<Schema extends z.ZodType>(
  text: string,
  file: string,
  schema: Schema,
): z.output<Schema> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const line = first.linePos?.[0]?.line;
    throw new SchemaError(
      `${displayPath(file)}${line ? `:${line}` : ""}: not valid YAML: ${first.message.split("\n")[0]}`,
      "Check indentation (spaces, not tabs) and that strings containing ': ' are quoted.",
    );
  }
  const result = schema.safeParse(document.toJS());
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const keyPath = issue.path.map(String);
    let node: unknown = document.getIn(issue.path as (string | number)[], true);
    for (let depth = keyPath.length - 1; !isNode(node) && depth >= 0; depth--) {
      node = document.getIn(issue.path.slice(0, depth) as (string | number)[], true);
    }
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const line = lineCounter.linePos(offset).line;
    return `${displayPath(file)}:${line}: ${keyPath.join(".") || "(top level)"}: ${issue.message}`;
  });
  throw new SchemaError(problems.join("\n"));
}

/** Reads and validates a YAML file. */
export function readYamlConfig<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SchemaError(`${displayPath(file)}: cannot read (${(error as Error).message})`);
  }
  return parseYamlConfig(text, file, schema);
}
