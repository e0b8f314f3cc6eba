/**
 * sha256 of files, with a small sidecar record (`<file>.verified.json`: size, mtime, hash) so a file that has
 * not changed since it was verified is not hashed again on every run.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

interface VerifiedRecord {
  sha256: string;
  size: number;
  mtimeMs: number;
}

function sidecarPath(file: string): string {
  return `${file}.verified.json`;
}

/** The file's sha256, reusing the sidecar record when size and modification time are unchanged. */
export async function sha256OfFileRemembered(file: string): Promise<string> {
  const stats = statSync(file);
  const sidecar = sidecarPath(file);
  if (existsSync(sidecar)) {
    try {
      const record = JSON.parse(readFileSync(sidecar, "utf8")) as VerifiedRecord;
      if (record.size === stats.size && record.mtimeMs === stats.mtimeMs) return record.sha256;
    } catch {
      // A damaged sidecar is simply recomputed.
    }
  }
  const sha256 = await sha256OfFile(file);
  rememberSha256(file, sha256);
  return sha256;
}

export function rememberSha256(file: string, sha256: string): void {
  const stats = statSync(file);
  const record: VerifiedRecord = { sha256, size: stats.size, mtimeMs: stats.mtimeMs };
  writeFileSync(sidecarPath(file), JSON.stringify(record));
}
