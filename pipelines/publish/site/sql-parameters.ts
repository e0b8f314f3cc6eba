/**
 * Turns `${expression}` in a sql cell into a bound parameter ($1, $2 …) with the expression's value, so a
 * value from data (an area code, an indicator id) is never pasted into SQL text. A placeholder written
 * inside quotes ('${area.code}') is an error: it would be a parameter inside a string literal.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import { BuildError } from "../../../models/errors.ts";
import { splitTemplate } from "./template-expressions.ts";

export interface BoundSql {
  sql: string;
  values: DuckDBValue[];
  /** The `${…}` expressions, in parameter order. */
  expressions: string[];
}

/** The free variable names an expression starts from (`area.code` → area; `site.county?.code` → site). */
export function rootNames(expression: string): string[] {
  const withoutStrings = expression.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, "");
  return [...withoutStrings.matchAll(/(?<![\w$.]|\?\.)[A-Za-z_$][\w$]*/g)].map((match) => match[0]);
}

export function bindSqlParameters(
  sql: string,
  evaluate: (expression: string) => unknown,
  where: string,
): BoundSql {
  const values: DuckDBValue[] = [];
  const expressions: string[] = [];
  let text = "";
  for (const part of splitTemplate(sql)) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    if (insideStringLiteral(text)) {
      throw new BuildError(
        `${where}: \${${part.expression}} is inside a quoted SQL string`,
        `Remove the quotes: write area_code = \${${part.expression}}; the value is bound as a parameter.`,
      );
    }
    values.push(parameterValue(evaluate(part.expression), part.expression, where));
    expressions.push(part.expression);
    text += `$${values.length}`;
  }
  return { sql: text, values, expressions };
}

/** True when the text so far has an unclosed single quote (so the next character is inside a literal). */
function insideStringLiteral(text: string): boolean {
  const withoutComments = text.replace(/--[^\n]*/g, "");
  return ((withoutComments.match(/'/g) ?? []).length & 1) === 1;
}

function parameterValue(value: unknown, expression: string, where: string): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value;
  throw new BuildError(
    `${where}: \${${expression}} is a ${Array.isArray(value) ? "list" : typeof value}, not a single value`,
    "Bind single values (a code, a number); for a list, query all rows once and filter in a js cell.",
  );
}
