/**
 * Atomic, idempotent refresh: a run builds a new warehouse file next to the old one and renames it into
 * place only when every stage has succeeded. A failed or killed run leaves the previous warehouse as it was
 * (at worst a stray `*.building-*` file, removed by the next run).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", ".wal", ".tmp"]) rmSync(`${file}${suffix}`, { force: true, recursive: true });
}

/** Removes temporary builds left by runs that were killed (their process is gone). */
export function removeAbandonedBuilds(target: string): void {
  const folder = path.dirname(target);
  if (!existsSync(folder)) return;
  const prefix = `${path.basename(target)}.building-`;
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !processIsAlive(pid))
      rmSync(path.join(folder, name), { force: true, recursive: true });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `build` against a fresh temporary file; on success the file replaces `target`, on failure it is
 * deleted and the error rethrown. `build` must close its connection before returning.
 */
export async function buildAtomically<T>(
  target: string,
  build: (temporaryFile: string) => Promise<T>,
): Promise<T> {
  mkdirSync(path.dirname(target), { recursive: true });
  removeAbandonedBuilds(target);
  const temporary = `${target}.building-${process.pid}-${Date.now()}`;
  try {
    const result = await build(temporary);
    rmSync(`${target}.wal`, { force: true });
    renameSync(temporary, target);
    return result;
  } finally {
    removeDatabaseFiles(temporary);
  }
}
