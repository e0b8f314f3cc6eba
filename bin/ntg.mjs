#!/usr/bin/env node
// The ntg command: runs the TypeScript sources directly through tsx (no build step).
import { register } from "tsx/esm/api";

process.env.TZ ??= "UTC";
register();
const { main } = await import("../pipelines/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
