#!/usr/bin/env node
// The ntg command: runs the TypeScript sources directly through tsx (no build step).
import { register } from "tsx/esm/api";

process.env.TZ ??= "UTC";
// `ntg query … | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
register();
const { main } = await import("../pipelines/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
