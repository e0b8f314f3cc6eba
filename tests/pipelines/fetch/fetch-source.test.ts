import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { IntegrityError, SourceError } from "../../../models/errors.ts";
import { resolveConfig } from "../../../pipelines/config/project-config.ts";
import { cachedPath, fetchSource } from "../../../pipelines/fetch/fetch-source.ts";
import { readManifests } from "../../../pipelines/sources/read-manifests.ts";
import { memoryReporter } from "../../../pipelines/util/reporter.ts";
import {
  createFixtureProject,
  type FixtureProject,
  LOOKUP_CSV,
  sha256,
} from "../../helpers/fixture-project.ts";

describe("fetch", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  function setup() {
    project = createFixtureProject();
    const config = resolveConfig({
      sourcesDir: project.sourcesDir,
      distDir: project.distDir,
      mirrors: [project.mirrorDir],
      noDefaultMirrors: true,
      allowDownload: false,
    });
    const manifest = readManifests(project.sourcesDir).find((m) => m.id === "test-lookup")!;
    return { config, manifest };
  }

  it("copies a file from the mirror into the cache, verified, then uses the cache", async () => {
    const { config, manifest } = setup();
    const first = await fetchSource(manifest, config, memoryReporter());
    expect(first.origin).toBe("mirror");
    expect(first.sha256).toBe(sha256(LOOKUP_CSV));
    expect(readFileSync(cachedPath(manifest, config), "utf8")).toBe(LOOKUP_CSV);
    const second = await fetchSource(manifest, config, memoryReporter());
    expect(second.origin).toBe("cache");
  });

  it("fails on a tampered mirror file (one byte changed), naming both hashes", async () => {
    const { config, manifest } = setup();
    const tampered = LOOKUP_CSV.replace("Alpha 001A", "Alpha 001B");
    writeFileSync(path.join(project.mirrorDir, "lookup.csv"), tampered);
    const error = await fetchSource(manifest, config, memoryReporter()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    const message = (error as IntegrityError).message;
    expect(message).toContain(`expected ${sha256(LOOKUP_CSV)}`);
    expect(message).toContain(`actual   ${sha256(tampered)}`);
    expect(existsSync(cachedPath(manifest, config))).toBe(false);
  });

  it("re-fetches when the cached copy no longer matches the manifest", async () => {
    const { config, manifest } = setup();
    const target = cachedPath(manifest, config);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, "stale");
    const reporter = memoryReporter();
    const result = await fetchSource(manifest, config, reporter);
    expect(result.origin).toBe("mirror");
    expect(reporter.lines.join("\n")).toMatch(/cached copy has sha256/);
  });

  it("says plainly what to place in the cache when no mirror has the file and it cannot be downloaded", async () => {
    const { config, manifest } = setup();
    const offline = { ...config, mirrors: [] };
    const error = await fetchSource(manifest, offline, memoryReporter()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/not in the cache or any mirror/);
    expect((error as SourceError).hint).toMatch(/Test fixture: written by the test itself/);
    expect((error as SourceError).hint).toContain(path.join("cache", "test-lookup", "lookup.csv"));
  });

  it("exits 1 from the CLI on a tampered source, printing both hashes", async () => {
    project = createFixtureProject();
    writeFileSync(path.join(project.mirrorDir, "hierarchy.csv"), "WD19CD\nE05000001\n");
    const result = await project.ntg("fetch");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sha256 mismatch[\s\S]*expected [0-9a-f]{64}[\s\S]*actual {3}[0-9a-f]{64}/);
  });
});
