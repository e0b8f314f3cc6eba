/**
 * The disclosure settings of the site and the CLI exports: `sources/publish/disclosure.yaml`, optional
 * (without it, counts from 1 to 4 are suppressed and shown as "*"). Evidence packs have their own in each
 * plan (`disclosure:`), with the same defaults.
 *
 * ```yaml
 * threshold: 5   # counts above 0 and below this are suppressed (default 5: 1 to 4)
 * marker: "*"    # what a suppressed cell shows: "*" or "c"
 * ```
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readYamlConfig } from "../../config/read-yaml-config.ts";
import { DEFAULT_DISCLOSURE_THRESHOLD, DEFAULT_SUPPRESSION_MARKER } from "./disclosure-types.ts";

export const SUPPRESSION_MARKERS = ["*", "c"] as const;

const settingsSchema = z.strictObject({
  threshold: z.number().int().min(0).default(DEFAULT_DISCLOSURE_THRESHOLD),
  marker: z.enum(SUPPRESSION_MARKERS).default(DEFAULT_SUPPRESSION_MARKER as "*"),
});

export type DisclosureSettings = z.output<typeof settingsSchema>;

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = {
  threshold: DEFAULT_DISCLOSURE_THRESHOLD,
  marker: DEFAULT_SUPPRESSION_MARKER as "*",
};

/** Where the settings live inside a sources folder. */
export const DISCLOSURE_SETTINGS_FILE = path.join("publish", "disclosure.yaml");

/** Reads the settings (defaults when the file is absent). */
export function readDisclosureSettings(sourcesDir: string): DisclosureSettings {
  const file = path.join(sourcesDir, DISCLOSURE_SETTINGS_FILE);
  return existsSync(file) ? readYamlConfig(file, settingsSchema) : { ...DEFAULT_DISCLOSURE_SETTINGS };
}

/** "counts from 1 to 4" (or "no counts" when the threshold suppresses none). */
export function suppressedRange(settings: { threshold: number }): string {
  return settings.threshold <= 1
    ? "no counts"
    : settings.threshold === 2
      ? "counts of 1"
      : `counts from 1 to ${settings.threshold - 1}`;
}
