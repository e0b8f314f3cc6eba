/** The tool's version, from package.json. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/project-config.ts";

export function toolVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string })
    .version;
}
