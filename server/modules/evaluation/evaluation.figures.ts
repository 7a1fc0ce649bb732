import { raw, sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { subtreeSql } from '../access/jurisdiction.ts';
import { computeStats } from '../stats/engine.ts';
import type { IndicatorKey } from '../../../shared/indicators.ts';

/**
 * The raw parts of every evaluation component, per child region of `region`, for a period of Beijing
 * days [from, to] (docs/indicators.md, "Evaluation"). The numerators — and the amounts and hazards
 * found — are the indicator engine's figures by child region (server/modules/stats/engine.ts), so the
 * ranking says what the dashboards and reports say. Three denominators are no catalogue indicator;
 * they are counted here over the same records, the same way (region subtree, the same dates):
 *   closedWithDeadline  tips received in the period, now closed (已办结), with a deadline
 *   rated               tips received in the period that the reporter rated
 *   registered          subjects registered on or before the period's last day
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

/** The length of a child region's code below a region of this code length (nation → province → city → county → township). */
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9 };

/** Engine indicators → the part they fill (amounts in yuan, turned back into fen). */
const FROM_ENGINE: [IndicatorKey, keyof ChildParts, number][] = [
  ['tips_closed_on_time', 'onTime', 1], ['reporter_satisfied', 'satisfied', 1],
  ['amount_recovered_yuan', 'recoveredFen', 100], ['amount_involved_yuan', 'involvedFen', 100],
  ['entities_screened', 'screened', 1], ['hazards_rectified', 'rectified', 1], ['hazards_found', 'found', 1], ['people_reached', 'reached', 1],
];

export async function childParts(q: Queryable, user: Pick<SessionUser, 'unitRegionCode'>, region: string, from: string, to: string): Promise<Map<string, ChildParts>> {
  const len = CHILD_LENGTH[region.length];
  const out = new Map<string, ChildParts>();
  if (!len) return out;
  const at = (code: string) => {
    let p = out.get(code);
    if (!p) out.set(code, (p = { ...EMPTY_PARTS }));
    return p;
  };
  const start = sql`${from}::date::timestamp at time zone 'Asia/Shanghai'`;
  const end = sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  const child = (col: string) => sql`left(${raw(col)}, ${len}::int)`;
  const [stats, tips, registered] = await Promise.all([
    computeStats(q, user, { region, from, to, indicators: FROM_ENGINE.map(([k]) => k), by: 'child' }),
    q.query<{ code: string; with_deadline: number; rated: number }>(
      sql`select ${child('t.region_code')} as code,
                 count(*) filter (where t.status = 'closed' and t.deadline_at is not null)::int as with_deadline,
                 count(*) filter (where t.rating_satisfied is not null)::int as rated
          from tips t
          where ${subtreeSql(region, 't.region_code')} and t.received_at >= ${start} and t.received_at < ${end}
            and (t.rating_satisfied is not null or (t.status = 'closed' and t.deadline_at is not null))
          group by 1`,
    ),
    q.query<{ code: string; n: number }>(
      sql`select ${child('s.region_code')} as code, count(*)::int as n from subjects s
          where ${subtreeSql(region, 's.region_code')} and s.created_at < ${end} group by 1`,
    ),
  ]);
  for (const row of stats.rows ?? []) {
    if (row.key.length !== len) continue; // the region's own records (本级) are no child's
    const p = at(row.key);
    for (const [key, part, scale] of FROM_ENGINE) p[part] = Math.round((row.figures[key]?.value ?? 0) * scale);
  }
  for (const r of tips) Object.assign(at(r.code), { closedWithDeadline: r.with_deadline, rated: r.rated });
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
