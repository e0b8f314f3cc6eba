#!/usr/bin/env node
// Adds lockfile entries for Biome's platform binaries that this machine's npm registry does not serve.
//
// Why: `@biomejs/biome` lists one optional binary package per platform. When the registry cannot provide the
// ones for other platforms (darwin, win32, musl, android), `npm install` leaves them out of package-lock.json
// and `npm ci` then refuses the lockfile as "out of sync" (npm/cli#9846). An entry with the package's os/cpu
// lets `npm ci` skip it as a platform mismatch, exactly as it would with a complete lockfile.
// Run after any `npm install` that rewrites the lockfile: `npm run lockfile:complete`.
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORMS = {
  "win32-x64": { os: "win32", cpu: "x64" },
  "win32-arm64": { os: "win32", cpu: "arm64" },
  "darwin-x64": { os: "darwin", cpu: "x64" },
  "darwin-arm64": { os: "darwin", cpu: "arm64" },
  "linux-x64": { os: "linux", cpu: "x64", libc: "glibc" },
  "linux-arm64": { os: "linux", cpu: "arm64", libc: "glibc" },
  "linux-x64-musl": { os: "linux", cpu: "x64", libc: "musl" },
  "linux-arm64-musl": { os: "linux", cpu: "arm64", libc: "musl" },
  "android-x64": { os: "android", cpu: "x64" },
  "android-arm64": { os: "android", cpu: "arm64" },
};

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const biome = lock.packages["node_modules/@biomejs/biome"];
if (!biome) {
  console.log("no @biomejs/biome in package-lock.json; nothing to do");
  process.exit(0);
}
let added = 0;
for (const name of Object.keys(biome.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  const platform = PLATFORMS[name.replace("@biomejs/cli-", "")];
  if (lock.packages[key] || !platform) continue;
  lock.packages[key] = {
    version: biome.optionalDependencies[name],
    cpu: [platform.cpu],
    dev: true,
    ...(platform.libc ? { libc: [platform.libc] } : {}),
    license: "MIT OR Apache-2.0",
    optional: true,
    os: [platform.os],
    engines: { node: ">=14.21.3" },
  };
  added++;
}
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entr${added === 1 ? "y" : "ies"} for Biome`);
