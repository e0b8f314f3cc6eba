/**
 * The allocation models bundled for the browser, so the what-if page recomputes a split with the very code
 * the CLI, the derive step and the server-rendered tables run in Node (no second implementation to drift).
 *
 * esbuild bundles `models/allocation/index.ts` and what it imports into one classic script that sets the
 * global `ntgModels` (`ntgModels.allocate(pot, recipients, rule)`). Not an ES module: Chromium refuses
 * module scripts from file://, and the site must work offline from a folder. Names are kept
 * (`keepNames`) so a model error still reads `ModelInputError` in the page.
 *
 * The bundle is cached in memory by the size and modification time of every file that went into it, so
 * repeated builds in one process (tests, `ntg run` then `ntg build`) bundle once; a first bundle takes
 * about 0.1 s, mostly starting esbuild.
 */
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../../config/project-config.ts";

/** Where the bundle goes in the site, and the global it defines. */
export const BROWSER_MODELS_ASSET = "assets/models.js";
export const BROWSER_MODELS_GLOBAL = "ntgModels";

const ENTRY = path.join(PROJECT_ROOT, "models", "allocation", "index.ts");

interface CachedBundle {
  /** Absolute paths of the bundled source files with their "size:mtime" when bundled. */
  inputs: Map<string, string>;
  code: string;
}

let cached: CachedBundle | undefined;

function stamp(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return "missing";
  }
}

function isFresh(bundle: CachedBundle): boolean {
  for (const [file, when] of bundle.inputs) if (stamp(file) !== when) return false;
  return true;
}

/** The browser bundle of the allocation models as script text (cached while its sources are unchanged). */
export async function browserModelsScript(): Promise<string> {
  if (cached && isFresh(cached)) return cached.code;
  const result = await build({
    entryPoints: [ENTRY],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: "iife",
    globalName: BROWSER_MODELS_GLOBAL,
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    keepNames: true,
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "silent",
    banner: {
      js: `/* The project's allocation models (models/allocation), bundled by pipelines/publish/site/browser-models.ts for the what-if page: window.${BROWSER_MODELS_GLOBAL}.allocate(pot, recipients, rule). Generated; do not edit. */`,
    },
  });
  const code = result.outputFiles[0]!.text;
  const inputs = new Map(
    Object.keys(result.metafile.inputs).map((input) => {
      const file = path.resolve(PROJECT_ROOT, input);
      return [file, stamp(file)] as const;
    }),
  );
  cached = { inputs, code };
  return code;
}

/** Writes the bundle into a site folder; returns its site path (for the link check). */
export async function writeBrowserModels(siteFolder: string): Promise<string> {
  const code = await browserModelsScript();
  writeFileSync(path.join(siteFolder, ...BROWSER_MODELS_ASSET.split("/")), code);
  return BROWSER_MODELS_ASSET;
}
