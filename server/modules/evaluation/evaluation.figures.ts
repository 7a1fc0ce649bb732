import { raw, sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { caseVisibleSql, jurisdictionSql, subtreeSql, tipVisibleSql } from '../access/jurisdiction.ts';
import { effectiveSql } from '../cases/cases.repository.ts';

/**
 * The raw parts of every evaluation component, per child region of `region`, for a period of Beijing
 * days [from, to] — each counted from the records over what the user may see (the same predicates as
 * the dashboard, the case and screening figures and the publicity list), grouped by the child region
 * the record lies in. The definitions are those of docs/indicators.md ("Evaluation"):
 *   on_time      tips received in the period, closed with a deadline; of them closed on or before it
 *   satisfaction tips received in the period that the reporter rated; of them rated 满意
 *   recovery     case figure entries in force dated in the period: amount recovered / involved (fen)
 *   screening    subjects with an inspection dated in the period / subjects registered by its end
 *   hazards      hazards crossed off (销号) in the period / hazards registered in the period
 *   reach        people reached by publicity activities starting in the period
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
export const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9 };

type Scope = Pick<SessionUser, 'roles' | 'unitId' | 'unitKind' | 'unitRegionCode'>;

export async function childParts(q: Queryable, user: Scope, region: string, from: string, to: string): Promise<Map<string, ChildParts>> {
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
  const [tips, cases, screened, registered, hazards, reach] = await Promise.all([
    q.query<{ code: string; on_time: number; with_deadline: number; satisfied: number; rated: number }>(
      sql`select ${child('t.region_code')} as code,
                 count(*) filter (where t.status = 'closed' and t.deadline_at is not null)::int as with_deadline,
                 count(*) filter (where t.status = 'closed' and t.closed_at <= t.deadline_at)::int as on_time,
                 count(*) filter (where t.rating_satisfied is not null)::int as rated,
                 count(*) filter (where t.rating_satisfied)::int as satisfied
          from tips t
          where ${tipVisibleSql(user)} and ${subtreeSql(region, 't.region_code')} and t.received_at >= ${start} and t.received_at < ${end}
          group by 1`,
    ),
    q.query<{ code: string; recovered: string; involved: string }>(
      sql`select ${child('c.region_code')} as code,
                 coalesce(sum(f.value) filter (where f.kind = 'amount_recovered'), 0)::text as recovered,
                 coalesce(sum(f.value) filter (where f.kind = 'amount_involved'), 0)::text as involved
          from case_figures f join criminal_cases c on c.id = f.case_id
          where ${caseVisibleSql(user, 'c')} and ${subtreeSql(region, 'c.region_code')}
            and f.on_date between ${from}::date and ${to}::date and ${effectiveSql('f')}
          group by 1`,
    ),
    q.query<{ code: string; n: number }>(
      sql`select ${child('s.region_code')} as code, count(distinct i.subject_id)::int as n
          from inspections i join subjects s on s.id = i.subject_id
          where ${jurisdictionSql(user, 's.region_code')} and ${subtreeSql(region, 's.region_code')} and i.inspected_on between ${from}::date and ${to}::date
          group by 1`,
    ),
    q.query<{ code: string; n: number }>(
      sql`select ${child('s.region_code')} as code, count(*)::int as n from subjects s
          where ${jurisdictionSql(user, 's.region_code')} and ${subtreeSql(region, 's.region_code')} and s.created_at < ${end}
          group by 1`,
    ),
    q.query<{ code: string; found: number; rectified: number }>(
      sql`select ${child('s.region_code')} as code,
                 count(*) filter (where h.created_at >= ${start} and h.created_at < ${end})::int as found,
                 count(*) filter (where h.status = 'verified' and h.verified_at >= ${start} and h.verified_at < ${end})::int as rectified
          from hazards h join subjects s on s.id = h.subject_id
          where ${jurisdictionSql(user, 's.region_code')} and ${subtreeSql(region, 's.region_code')}
            and ((h.created_at >= ${start} and h.created_at < ${end}) or (h.verified_at >= ${start} and h.verified_at < ${end}))
          group by 1`,
    ),
    q.query<{ code: string; n: string }>(
      sql`select ${child('a.region_code')} as code, coalesce(sum(a.people_reached), 0)::text as n from publicity_activities a
          where ${jurisdictionSql(user, 'a.region_code')} and ${subtreeSql(region, 'a.region_code')} and a.start_date between ${from}::date and ${to}::date
          group by 1`,
    ),
  ]);
  for (const r of tips) Object.assign(at(r.code), { onTime: r.on_time, closedWithDeadline: r.with_deadline, satisfied: r.satisfied, rated: r.rated });
  for (const r of cases) Object.assign(at(r.code), { recoveredFen: Number(r.recovered), involvedFen: Number(r.involved) });
  for (const r of screened) at(r.code).screened = r.n;
  for (const r of registered) at(r.code).registered = r.n;
  for (const r of hazards) Object.assign(at(r.code), { found: r.found, rectified: r.rectified });
  for (const r of reach) at(r.code).reached = Number(r.n);
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
