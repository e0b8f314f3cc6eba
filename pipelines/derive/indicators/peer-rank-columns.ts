/**
 * Rank of each area within its peer group (localities of the county, wards, priority areas, the county's
 * districts, its LSOAs) for every indicator and period: rows are grouped by indicator × period × sex × age ×
 * peer group and each group is ranked by the `rankWithinPeers` model (polarity, shared ranks for ties, an
 * explicit "no data" state). Rows without a peer group (the county, England) get rank state null.
 */
import { rankWithinPeers } from "../../../models/statistics/index.ts";
import { asPolarity } from "./benchmark-columns.ts";
import type { ComparisonInputs } from "./comparison-inputs.ts";

export interface PeerRankColumns {
  rank: (number | null)[];
  count: (number | null)[];
  state: (string | null)[];
  tied: (boolean | null)[];
}

export function peerRankColumns(inputs: ComparisonInputs): PeerRankColumns {
  const n = inputs.rowCount;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const peerGroup = inputs.peerGroup[i];
    if (!peerGroup) continue;
    const key = [inputs.indicator[i], inputs.period[i], inputs.sex[i], inputs.age[i], peerGroup].join(
      "\u0000",
    );
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  }
  const out: PeerRankColumns = {
    rank: new Array(n).fill(null),
    count: new Array(n).fill(null),
    state: new Array(n).fill(null),
    tied: new Array(n).fill(null),
  };
  for (const members of groups.values()) {
    const polarity = asPolarity(inputs.polarity[members[0]!]!);
    const ranks = rankWithinPeers(
      members.map((i) => ({ code: inputs.areaCode[i]!, value: inputs.value[i] })),
      polarity,
    );
    ranks.forEach((rank, k) => {
      const i = members[k]!;
      out.rank[i] = rank.rank;
      out.count[i] = rank.of;
      out.state[i] = rank.state;
      out.tied[i] = rank.tied;
    });
  }
  return out;
}
