import type { GamingRule } from '../../../shared/domain.ts';

/**
 * Gaming flags (docs/indicators.md, "Gaming flags"): each handling unit's closures in a period set
 * against its peers. Pure: the figures come from gaming.service.ts; the rules are here, once.
 *
 * - Peers: the other units of the same kind with at least MIN_TIPS closures in the period and the
 *   user's jurisdiction; when fewer than MIN_PEERS such units exist, every other qualifying unit.
 * - A rate (untrue_rate, returned_rate, dissatisfied_rate) is flagged when it exceeds the peers' median
 *   by more than max(MAD_FACTOR × MAD, RATE_FLOOR), MAD being the peers' median absolute deviation:
 *   robust to one odd peer, and the floor keeps near-identical peers (MAD ≈ 0) from flagging a few
 *   points' difference. The rate needs at least MIN_TIPS tips under it (closures; ratings for dissatisfied).
 * - fast_closure: the unit's median handling time (dispatch of its lead assignment → its report) is
 *   under FAST_RATIO of the peers' median of their medians.
 */
export const RULES = { minTips: 5, minPeers: 2, madFactor: 2, rateFloor: 0.15, fastRatio: 1 / 3 } as const;

export interface UnitFigures {
  unitId: number;
  name: string;
  kind: string;
  closed: number;
  untrue: number;
  returned: number;
  rated: number;
  dissatisfied: number;
  /** Median hours from the lead assignment's dispatch to the report, of the closures (null: none measurable). */
  medianHours: number | null;
}

export interface Flag {
  rule: GamingRule;
  unit: UnitFigures;
  value: number;
  count: number;
  of: number;
  peerMedian: number;
  peerMad: number;
  threshold: number;
  peers: number;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const mad = (xs: readonly number[]) => {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
};

const RATES: { rule: GamingRule; count: (u: UnitFigures) => number; of: (u: UnitFigures) => number }[] = [
  { rule: 'untrue_rate', count: (u) => u.untrue, of: (u) => u.closed },
  { rule: 'returned_rate', count: (u) => u.returned, of: (u) => u.closed },
  { rule: 'dissatisfied_rate', count: (u) => u.dissatisfied, of: (u) => u.rated },
];

/** The flags the rules raise on these units' figures. */
export function gamingFlags(units: readonly UnitFigures[], rules = RULES): Flag[] {
  const flags: Flag[] = [];
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  for (const r of RATES) {
    const qualifying = units.filter((u) => r.of(u) >= rules.minTips);
    for (const u of qualifying) {
      const peers = peersOf(u, qualifying, rules);
      if (peers.length < rules.minPeers) continue;
      const rates = peers.map((p) => r.count(p) / r.of(p));
      const m = median(rates);
      const d = mad(rates);
      const threshold = m + Math.max(rules.madFactor * d, rules.rateFloor);
      const value = r.count(u) / r.of(u);
      if (value > threshold) {
        flags.push({ rule: r.rule, unit: u, value: round(value), count: r.count(u), of: r.of(u), peerMedian: round(m), peerMad: round(d), threshold: round(threshold), peers: peers.length });
      }
    }
  }
  const timed = units.filter((u) => u.closed >= rules.minTips && u.medianHours !== null);
  for (const u of timed) {
    const peers = peersOf(u, timed, rules);
    if (peers.length < rules.minPeers) continue;
    const hours = peers.map((p) => p.medianHours!);
    const m = median(hours);
    const threshold = m * rules.fastRatio;
    if (u.medianHours! < threshold) {
      flags.push({ rule: 'fast_closure', unit: u, value: round(u.medianHours!), count: u.closed, of: u.closed, peerMedian: round(m), peerMad: round(mad(hours)), threshold: round(threshold), peers: peers.length });
    }
  }
  return flags;
}

/** The unit's peers among the qualifying units: same kind, or all others when too few share its kind. */
function peersOf(u: UnitFigures, qualifying: readonly UnitFigures[], rules: typeof RULES): UnitFigures[] {
  const others = qualifying.filter((p) => p.unitId !== u.unitId);
  const sameKind = others.filter((p) => p.kind === u.kind);
  return sameKind.length >= rules.minPeers ? sameKind : others;
}
