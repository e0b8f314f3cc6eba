/**
 * The editions table of a set of target areas: deprivation per area and edition, and whether each
 * area's relative position is improving (METHODS.md §5; issue 3 "Editions over time").
 */
import {
  type AreaEditionDeprivation,
  deprivationByEdition,
  type EditionLsoaRanks,
} from "./editions-over-time.ts";
import {
  type AreaPositionChange,
  type PositionChangeThresholds,
  relativePositionChanges,
} from "./relative-position-change.ts";

export interface DeprivationTrend {
  /** One row per area and edition, by edition then area. */
  byAreaAndEdition: AreaEditionDeprivation[];
  /** One row per area: first vs last edition, classified. */
  positionChanges: AreaPositionChange[];
}

/**
 * Deprivation trend across editions: `deprivationByEdition` followed by `relativePositionChanges`.
 *
 * @throws {ModelInputError} for the inputs either step rejects.
 * @example deprivationTrend([edition2004, edition2019]).positionChanges[0].relativePositionChange
 * // "improving" | "worsening" | "no clear change" | "insufficient editions"
 */
export function deprivationTrend(
  editions: readonly EditionLsoaRanks[],
  thresholds: Partial<PositionChangeThresholds> = {},
): DeprivationTrend {
  const byAreaAndEdition = deprivationByEdition(editions);
  return { byAreaAndEdition, positionChanges: relativePositionChanges(byAreaAndEdition, thresholds) };
}
