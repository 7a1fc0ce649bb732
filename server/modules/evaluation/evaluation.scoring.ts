import { EVALUATION_COMPONENT_CODES, type EvaluationComponent, type MissingRule } from '../../../shared/domain.ts';
import type { ChildParts } from './evaluation.figures.ts';

/**
 * The ranking as a pure function of each child region's raw parts, its elderly population and the
 * scheme (docs/indicators.md, "Evaluation"):
 * - a rate component (on_time, satisfaction, recovery, screening, hazards) scores its percentage,
 *   capped at 100 (recovered above involved, or more hazards crossed off than found in the period);
 *   no denominator (0) is 暂无数据;
 * - reach is people reached per 10,000 elderly residents; it scores 100 × its value / the best child
 *   region's value (0 for all when the best is 0); no population figure is 暂无数据;
 * - the total is Σ weight × score / 100. A component without data scores 0 under the rule `zero`;
 *   under `reweight` it is left out and the weights of the region's other components are scaled up to
 *   100 (a region with no data in any weighted component has no total and no rank);
 * - rank by total, highest first; equal totals share a rank (1, 1, 3); no total comes last, unranked.
 * Scores, totals and points are rounded to 2 decimals for display only; ranks use unrounded totals.
 */

export type Weights = Partial<Record<EvaluationComponent, number>>;
export interface ComponentResult { numerator: number | null; denominator: number | null; value: number | null; score: number | null; points: number }
export interface RankedRow {
  code: string; name: string; rank: number | null; total: number | null; population: number | null;
  components: Record<EvaluationComponent, ComponentResult>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const RATES: Record<Exclude<EvaluationComponent, 'reach'>, (p: ChildParts) => [number, number]> = {
  on_time: (p) => [p.onTime, p.closedWithDeadline],
  satisfaction: (p) => [p.satisfied, p.rated],
  recovery: (p) => [p.recoveredFen / 100, p.involvedFen / 100],
  screening: (p) => [p.screened, p.registered],
  hazards: (p) => [p.rectified, p.found],
};

export function rankRegions(
  children: { code: string; name: string }[], parts: Map<string, ChildParts>, populations: Map<string, number>,
  scheme: { weights: Weights; missingRule: MissingRule }, empty: ChildParts,
): RankedRow[] {
  const reach = new Map(children.map((c) => {
    const pop = populations.get(c.code);
    return [c.code, pop ? ((parts.get(c.code) ?? empty).reached / pop) * 10_000 : null] as const;
  }));
  const best = Math.max(0, ...[...reach.values()].filter((v): v is number => v !== null));
  const rows = children.map((c) => {
    const p = parts.get(c.code) ?? empty;
    const raw = {} as Record<EvaluationComponent, { numerator: number | null; denominator: number | null; value: number | null; score: number | null }>;
    for (const [k, f] of Object.entries(RATES) as [keyof typeof RATES, (p: ChildParts) => [number, number]][]) {
      const [n, d] = f(p);
      raw[k] = { numerator: n, denominator: d, value: d > 0 ? (n / d) * 100 : null, score: d > 0 ? Math.min(100, (n / d) * 100) : null };
    }
    const r = reach.get(c.code) ?? null;
    raw.reach = { numerator: p.reached, denominator: populations.get(c.code) ?? null, value: r, score: r === null ? null : best > 0 ? (r / best) * 100 : 0 };
    const weighted = EVALUATION_COMPONENT_CODES.filter((k) => (scheme.weights[k] ?? 0) > 0);
    const withData = weighted.filter((k) => raw[k].score !== null);
    const base = scheme.missingRule === 'zero' ? 100 : withData.reduce((s, k) => s + (scheme.weights[k] ?? 0), 0);
    const points = (k: EvaluationComponent) => (base > 0 && raw[k].score !== null ? ((scheme.weights[k] ?? 0) * raw[k].score!) / base : 0);
    const total = scheme.missingRule === 'reweight' && !withData.length ? null : weighted.reduce((s, k) => s + points(k), 0);
    const components = Object.fromEntries(EVALUATION_COMPONENT_CODES.map((k) => [k, {
      numerator: raw[k].numerator === null ? null : round2(raw[k].numerator!),
      denominator: raw[k].denominator === null ? null : round2(raw[k].denominator!),
      value: raw[k].value === null ? null : round2(raw[k].value!),
      score: raw[k].score === null ? null : round2(raw[k].score!),
      points: round2(points(k)),
    }])) as Record<EvaluationComponent, ComponentResult>;
    return { code: c.code, name: c.name, total, population: populations.get(c.code) ?? null, components };
  });
  rows.sort((a, b) => (a.total === null ? 1 : 0) - (b.total === null ? 1 : 0) || (b.total ?? 0) - (a.total ?? 0) || a.code.localeCompare(b.code));
  let prev: number | null = null;
  let prevRank = 0;
  return rows.map((row, i) => {
    if (row.total === null) return { ...row, rank: null };
    const rank = prev !== null && Math.abs(row.total - prev) < 1e-9 ? prevRank : i + 1;
    prev = row.total;
    prevRank = rank;
    return { ...row, rank, total: round2(row.total) };
  });
}
