/**
 * Writes the site into a temporary folder next to the target and renames it into place only when every
 * page, asset and data file was written: a failed build leaves the previous site untouched (at worst a
 * stray `site.building-*` folder, removed by the next build). Also copies the stylesheet and script.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../config/project-config.ts";

function removeStrayBuilds(target: string): void {
  const folder = path.dirname(target);
  if (!existsSync(folder)) return;
  const prefix = `${path.basename(target)}.building-`;
  for (const name of readdirSync(folder)) {
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (name.startsWith(prefix) && pid !== process.pid && !processIsAlive(pid)) {
      rmSync(path.join(folder, name), { recursive: true, force: true });
    }
  }
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function writeSiteAtomically<T>(
  target: string,
  write: (folder: string) => Promise<T>,
): Promise<T> {
  mkdirSync(path.dirname(target), { recursive: true });
  removeStrayBuilds(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = `${target}.building-${stamp}`;
  mkdirSync(temporary);
  try {
    const result = await write(temporary);
    const previous = `${target}.building-${stamp}-old`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(temporary, target);
    rmSync(previous, { recursive: true, force: true });
    return result;
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Copies notebooks/assets (the notebooks folder's own, else the project's) into the site; returns their paths. */
export function writeAssets(folder: string, notebooksDir: string): string[] {
  const own = path.join(notebooksDir, "assets");
  const source = existsSync(own) ? own : path.join(PROJECT_ROOT, "notebooks", "assets");
  mkdirSync(path.join(folder, "assets"), { recursive: true });
  const names = existsSync(source)
    ? readdirSync(source).filter((name) => /\.(css|js|svg|png|woff2?)$/.test(name))
    : [];
  for (const name of names) copyFileSync(path.join(source, name), path.join(folder, "assets", name));
  return names.map((name) => `assets/${name}`);
}
