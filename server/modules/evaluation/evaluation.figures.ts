import { raw, sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { subtreeSql } from '../access/jurisdiction.ts';
import { CHILD_LENGTH, computeStats } from '../stats/engine.ts';
import type { IndicatorKey } from '../../../shared/indicators.ts';

/**
 * The raw parts of every evaluation component, per child region of `region`, for a period of Beijing
 * days [from, to] (docs/indicators.md, "Evaluation"). The numerators — and the amounts and hazards
 * found — are the indicator engine's figures by child region (server/modules/stats/engine.ts), so the
 * ranking says what the dashboards and reports say; the on-time and satisfaction denominators are the
 * parts of the engine's rates (on_time_rate_pct, satisfaction_rate_pct). One denominator is no
 * indicator and is counted here over the subtree: registered, the subjects registered on or before the
 * period's last day.
 */
export interface ChildParts {
  onTime: number; closedWithDeadline: number;
  satisfied: number; rated: number;
  recoveredFen: number; involvedFen: number;
  screened: number; registered: number;
  rectified: number; found: number;
  reached: number;
}

export const EMPTY_PARTS: ChildParts = {
  onTime: 0, closedWithDeadline: 0, satisfied: 0, rated: 0, recoveredFen: 0, involvedFen: 0, screened: 0, registered: 0, rectified: 0, found: 0, reached: 0,
};

/** Engine rates → the parts they fill: [numerator, denominator]. */
const RATE_PARTS: [IndicatorKey, keyof ChildParts, keyof ChildParts][] = [
  ['on_time_rate_pct', 'onTime', 'closedWithDeadline'], ['satisfaction_rate_pct', 'satisfied', 'rated'],
];

/** Engine indicators → the part they fill (amounts in yuan, turned back into fen). */
const FROM_ENGINE: [IndicatorKey, keyof ChildParts, number][] = [
  ['amount_recovered_yuan', 'recoveredFen', 100], ['amount_involved_yuan', 'involvedFen', 100],
  ['entities_screened', 'screened', 1], ['hazards_rectified', 'rectified', 1], ['hazards_found', 'found', 1], ['people_reached', 'reached', 1],
];

export async function childParts(q: Queryable, user: Pick<SessionUser, 'unitRegionCode'>, region: string, from: string, to: string): Promise<Map<string, ChildParts>> {
  const out = new Map<string, ChildParts>();
  if (region.length >= 9) return out; // a township has no child regions to rank
  const len = CHILD_LENGTH[region.length];
  const at = (code: string) => {
    let p = out.get(code);
    if (!p) out.set(code, (p = { ...EMPTY_PARTS }));
    return p;
  };
  const end = sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const child = (col: string) => sql`left(${raw(col)}, ${len}::int)`;
  const [stats, registered] = await Promise.all([
    computeStats(q, user, { region, from, to, indicators: [...FROM_ENGINE.map(([k]) => k), ...RATE_PARTS.map(([k]) => k)], by: 'child' }),
    q.query<{ code: string; n: number }>(
      sql`select ${child('s.region_code')} as code, count(*)::int as n from subjects s
          where ${subtreeSql(region, 's.region_code')} and s.created_at < ${end} group by 1`,
    ),
  ]);
  for (const row of stats.rows ?? []) {
    if (row.key.length !== len) continue; // the region's own records (本级) are no child's
    const p = at(row.key);
    for (const [key, part, scale] of FROM_ENGINE) p[part] = Math.round((row.figures[key]?.value ?? 0) * scale);
    for (const [key, num, den] of RATE_PARTS) Object.assign(p, { [num]: row.figures[key]?.parts?.numerator ?? 0, [den]: row.figures[key]?.parts?.denominator ?? 0 });
  }
  for (const r of registered) at(r.code).registered = r.n;
  return out;
}

/** Each region's elderly population in force on `day`: its latest figure dated on or before it (the latest entry of that date). */
export async function populationsOn(q: Queryable, codes: string[], day: string): Promise<Map<string, number>> {
  if (!codes.length) return new Map();
  const rows = await q.query<{ code: string; population: string }>(
    sql`select distinct on (p.region_code) p.region_code as code, p.population::text as population
        from elderly_population p where p.region_code = any(${codes}::text[]) and p.as_of <= ${day}::date
        order by p.region_code, p.as_of desc, p.id desc`,
  );
  return new Map(rows.map((r) => [r.code, Number(r.population)]));
}
