/**
 * The text description of a choropleth: how many areas, the highest and lowest, how many fall in the top
 * class, and how many have no data.
 */

import type { MapProperties } from "./choropleth.ts";
import { countPhrase, findExtremes } from "./describe-values.ts";
import { formatValue } from "./format-number.ts";
import type { GeoFeature } from "./geo-types.ts";
import { classIndex } from "./map-classes.ts";

interface MapDescriptionOptions {
  unit: string;
  decimals: number;
  thresholds: readonly number[];
  labels: readonly string[];
}

export function describeMap(
  areas: readonly GeoFeature<MapProperties>[],
  options: MapDescriptionOptions,
): string {
  const { unit, decimals, thresholds, labels } = options;
  const show = (value: number | null) => formatValue(value, decimals, unit);
  const present = areas.filter((feature) => typeof feature.properties.value === "number");
  const sentences = [`Map of ${countPhrase(areas.length, "area")}.`];
  const extremes = findExtremes(present, (feature) => feature.properties.value);
  if (extremes) {
    const { highest, lowest } = extremes;
    sentences.push(
      `The highest value is ${show(highest.properties.value)} in ${highest.properties.name}; the lowest is ${show(lowest.properties.value)} in ${lowest.properties.name}.`,
    );
    const top = thresholds.length;
    const inTop = present.filter(
      (feature) => classIndex(feature.properties.value as number, thresholds) === top,
    ).length;
    if (thresholds.length > 0)
      sentences.push(
        `${countPhrase(inTop, "area")} ${inTop === 1 ? "is" : "are"} in the top class (${labels[top]}).`,
      );
  }
  const missing = areas.length - present.length;
  if (missing > 0)
    sentences.push(`${countPhrase(missing, "area")} ${missing === 1 ? "has" : "have"} no data.`);
  return sentences.join(" ");
}
