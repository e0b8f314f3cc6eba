/**
 * Evaluates js cells and `${…}` expressions at build time, in Node, with the page's scope (template value,
 * sql results, earlier js cells, components and helpers) as plain variables. A cell is an expression
 * (`spineChart(rows, {...})`) or a function body with `return`. Notebook code is the analyst's own code,
 * trusted like any source file in the repository; data values only ever arrive as variables.
 */
import { BuildError } from "../../../models/errors.ts";

type CompiledCell = (...values: unknown[]) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...parameters: string[]
) => CompiledCell;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const compiled = new Map<string, CompiledCell>();

function compile(code: string, names: string[]): CompiledCell {
  const key = `${names.join(",")}\n${code}`;
  let cell = compiled.get(key);
  if (cell) return cell;
  try {
    cell = new AsyncFunction(...names, `"use strict";\nreturn (\n${code}\n);`);
  } catch {
    cell = new AsyncFunction(...names, `"use strict";\n${code}`);
  }
  compiled.set(key, cell);
  return cell;
}

/** Runs a cell (or expression) with `scope` as its variables; errors name `where` (file:line and page). */
export async function evaluateCell(
  code: string,
  scope: Record<string, unknown>,
  where: string,
): Promise<unknown> {
  const names = Object.keys(scope).filter((name) => IDENTIFIER.test(name));
  let cell: CompiledCell;
  try {
    cell = compile(code, names);
  } catch (error) {
    throw new BuildError(`${where}: js does not parse: ${(error as Error).message}`);
  }
  try {
    return await cell(...names.map((name) => scope[name]));
  } catch (error) {
    if (error instanceof BuildError) throw error;
    const message = (error as Error)?.message ?? String(error);
    throw new BuildError(
      `${where}: ${(error as Error)?.name ?? "Error"}: ${message}`,
      /is not defined/.test(message)
        ? "Names in scope: the template value, earlier sql/js cell names, the components and helpers (see notebooks/README.md)."
        : undefined,
    );
  }
}

/** Evaluates a simple expression (a SQL parameter such as `area.code`) synchronously. */
export function evaluateExpression(
  expression: string,
  scope: Record<string, unknown>,
  where: string,
): unknown {
  const names = Object.keys(scope).filter((name) => IDENTIFIER.test(name));
  try {
    return new Function(...names, `"use strict";\nreturn (${expression});`)(
      ...names.map((name) => scope[name]),
    );
  } catch (error) {
    throw new BuildError(`${where}: \${${expression}}: ${(error as Error).message}`);
  }
}
