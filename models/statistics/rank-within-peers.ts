import { ModelInputError } from "../errors.ts";
import { isPresent } from "./checks.ts";
import type { Polarity } from "./types.ts";

/** One area of a peer group and its indicator value (null or undefined when there is no data). */
export interface PeerValue {
  code: string;
  value: number | null | undefined;
}

/** An area's place in its peer group. */
export interface PeerRank {
  code: string;
  value: number | null;
  /** 1 = best (or highest, for polarity "none"); null when the area has no data. */
  rank: number | null;
  /** Number of areas in the group that have data (the "of" in "3rd of 23"). */
  of: number;
  /** "no data" is explicit so that a missing value is never shown as a blank or a last place. */
  state: "ranked" | "no data";
  /** True when another area has exactly the same value (and so the same rank). */
  tied: boolean;
}

/**
 * Ranks areas within a peer group (e.g. the 23 localities), taking the indicator's polarity into account.
 *
 * Rank 1 is the best value: the highest when high is good, the lowest when low is good; for polarity "none"
 * rank 1 is simply the highest value. Tied values share the smallest rank they cover (1, 2, 2, 4), and
 * areas without a value get `state: "no data"` and `rank: null` rather than being dropped or ranked last.
 * Results are in the order of the input.
 * Method: METHODS.md §2 ("area rank within its peer group, with polarity, and an explicit no data state").
 *
 * @throws {ModelInputError} when the polarity is not one of the allowed values.
 * @example
 * rankWithinPeers([{ code: "A", value: 5 }, { code: "B", value: 9 }, { code: "C", value: null }], "low-is-good")
 * // → ranks A 1, B 2, C null ("no data"); of = 2
 */
export function rankWithinPeers(areas: readonly PeerValue[], polarity: Polarity): PeerRank[] {
  if (polarity !== "high-is-good" && polarity !== "low-is-good" && polarity !== "none") {
    throw new ModelInputError(
      `rankWithinPeers: polarity must be "high-is-good", "low-is-good" or "none" (got ${JSON.stringify(polarity)})`,
    );
  }
  const present = areas.map((area) => area.value).filter(isPresent);
  const sign = polarity === "low-is-good" ? 1 : -1;
  const ordered = [...present].sort((a, b) => sign * (a - b));
  const firstPosition = new Map<number, number>();
  const occurrences = new Map<number, number>();
  ordered.forEach((value, i) => {
    if (!firstPosition.has(value)) firstPosition.set(value, i + 1);
    occurrences.set(value, (occurrences.get(value) ?? 0) + 1);
  });
  return areas.map(({ code, value }) => {
    if (!isPresent(value)) {
      return { code, value: null, rank: null, of: present.length, state: "no data", tied: false };
    }
    const rank = firstPosition.get(value)!;
    const tied = occurrences.get(value)! > 1;
    return { code, value, rank, of: present.length, state: "ranked", tied };
  });
}
