/**
 * Obtains one source file, verified: the local cache first, then each mirror folder in turn, then the
 * download URL. A file whose sha256 differs from its manifest is never used: the error names both hashes.
 */
import { copyFileSync, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { IntegrityError, SourceError } from "../../models/errors.ts";
import type { ProjectConfig } from "../config/project-config.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { LoadedManifest } from "../sources/manifest-schema.ts";
import type { Reporter } from "../util/reporter.ts";
import { rememberSha256, sha256OfFile, sha256OfFileRemembered } from "./file-hash.ts";

export type FetchOrigin = "committed" | "cache" | "mirror" | "download";

export interface FetchedSource {
  id: string;
  /** Absolute path of the verified file the load stage reads. */
  path: string;
  origin: FetchOrigin;
  /** Where it came from: the mirror file or URL (the cache path for cache hits). */
  originPath: string;
  sha256: string;
}

/** Where the verified copy of a source lives in the cache. */
export function cachedPath(manifest: LoadedManifest, config: ProjectConfig): string {
  return path.join(config.cacheDir, manifest.id, manifest.file);
}

function mismatch(manifest: LoadedManifest, where: string, actual: string): IntegrityError {
  return new IntegrityError(
    `${manifest.id}: sha256 mismatch for ${where}\n  expected ${manifest.sha256} (${displayPath(manifest.manifestPath)})\n  actual   ${actual}`,
    "The file differs from the one the manifest was written for: it may be damaged, tampered with or a different edition. Replace it with the publisher's file, or update sha256 in the manifest only if you have checked the new file.",
  );
}

function mirrorCandidates(manifest: LoadedManifest, mirror: string): string[] {
  const names = [manifest.mirrorPath, manifest.file, path.join(manifest.id, manifest.file)].filter(
    (name): name is string => Boolean(name),
  );
  return [...new Set(names.map((name) => path.join(mirror, name)))];
}

async function fetchCommitted(manifest: LoadedManifest): Promise<FetchedSource> {
  const file = path.resolve(path.dirname(manifest.manifestPath), manifest.localPath!);
  if (!existsSync(file)) {
    throw new SourceError(
      `${displayPath(manifest.manifestPath)}: localPath ${manifest.localPath} not found (${displayPath(file)})`,
    );
  }
  const sha256 = await sha256OfFile(file);
  if (manifest.sha256 && sha256 !== manifest.sha256) throw mismatch(manifest, displayPath(file), sha256);
  return { id: manifest.id, path: file, origin: "committed", originPath: file, sha256 };
}

async function downloadTo(
  manifest: LoadedManifest,
  url: string,
  gzip: boolean,
  target: string,
): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) }).catch((error: Error) => {
    throw new SourceError(
      `${manifest.id}: download failed from ${url}: ${error.message}`,
      "Check the network, or pass --mirror DIR with a folder that holds the file.",
    );
  });
  if (!response.ok || !response.body) {
    throw new SourceError(`${manifest.id}: download failed from ${url}: HTTP ${response.status}`);
  }
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  if (gzip) await pipeline(body, createGunzip(), createWriteStream(target));
  else await pipeline(body, createWriteStream(target));
}

/** Fetches one source into the cache (or checks a committed file) and returns the verified path. */
export async function fetchSource(
  manifest: LoadedManifest,
  config: ProjectConfig,
  reporter: Reporter,
): Promise<FetchedSource> {
  if (manifest.localPath) return fetchCommitted(manifest);
  const target = cachedPath(manifest, config);
  if (existsSync(target)) {
    const actual = await sha256OfFileRemembered(target);
    if (actual === manifest.sha256)
      return { id: manifest.id, path: target, origin: "cache", originPath: target, sha256: actual };
    reporter.warn(
      `${manifest.id}: cached copy has sha256 ${actual}, manifest expects ${manifest.sha256}; fetching again`,
    );
    rmSync(target, { force: true });
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.partial-${process.pid}`;
  try {
    for (const mirror of config.mirrors) {
      for (const candidate of mirrorCandidates(manifest, mirror)) {
        if (!existsSync(candidate)) continue;
        const actual = await sha256OfFile(candidate);
        if (actual !== manifest.sha256) throw mismatch(manifest, displayPath(candidate), actual);
        copyFileSync(candidate, temporary);
        renameSync(temporary, target);
        rememberSha256(target, actual);
        return { id: manifest.id, path: target, origin: "mirror", originPath: candidate, sha256: actual };
      }
    }
    const download = manifest.download;
    if (download && "url" in download && config.allowDownload) {
      reporter.info(`  ${manifest.id}: downloading ${download.url}`);
      await downloadTo(manifest, download.url, download.compression === "gzip", temporary);
      const actual = await sha256OfFile(temporary);
      if (actual !== manifest.sha256) throw mismatch(manifest, download.url, actual);
      renameSync(temporary, target);
      rememberSha256(target, actual);
      return { id: manifest.id, path: target, origin: "download", originPath: download.url, sha256: actual };
    }
    throw notAvailable(manifest, config, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function notAvailable(manifest: LoadedManifest, config: ProjectConfig, target: string): SourceError {
  const searched =
    config.mirrors.length > 0 ? config.mirrors.map(displayPath).join(", ") : "(no mirror folders)";
  const download = manifest.download;
  const how =
    download && "manual" in download
      ? download.manual
      : download && "url" in download
        ? `Downloading is switched off (offline); it would come from ${download.url}.`
        : "No download address is known.";
  return new SourceError(
    `${manifest.id}: ${manifest.file} is not in the cache or any mirror (searched ${searched})`,
    `${how}\nPlace the file at ${displayPath(target)} (sha256 ${manifest.sha256}), or pass --mirror DIR with a folder that holds ${manifest.mirrorPath ?? manifest.file}. Publisher's page: ${manifest.officialUrl}`,
  );
}
