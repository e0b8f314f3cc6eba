/** The fetch stage: every selected source, verified, with one progress line each. */
import type { ProjectConfig } from "../config/project-config.ts";
import type { LoadedManifest } from "../sources/manifest-schema.ts";
import { formatSeconds, type Reporter } from "../util/reporter.ts";
import { type FetchedSource, fetchSource } from "./fetch-source.ts";

export async function fetchSources(
  manifests: LoadedManifest[],
  config: ProjectConfig,
  reporter: Reporter,
): Promise<Map<string, FetchedSource>> {
  const started = performance.now();
  reporter.info(`fetch: ${manifests.length} sources`);
  const fetched = new Map<string, FetchedSource>();
  for (const manifest of manifests) {
    const result = await fetchSource(manifest, config, reporter);
    if (result.origin !== "cache" && result.origin !== "committed") {
      reporter.info(`  ${manifest.id.padEnd(34)} ${result.origin} ok`);
    }
    fetched.set(manifest.id, result);
  }
  const byOrigin = [...fetched.values()].reduce<Record<string, number>>((counts, f) => {
    counts[f.origin] = (counts[f.origin] ?? 0) + 1;
    return counts;
  }, {});
  const summary = Object.entries(byOrigin)
    .map(([origin, count]) => `${count} ${origin}`)
    .join(", ");
  reporter.info(`fetch: ${manifests.length} verified (${summary}) in ${formatSeconds(started)}`);
  return fetched;
}
