import { empty, sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { screeningRoundVisibleSql, subtreeSql } from '../access/jurisdiction.ts';
import { CHILD_LENGTH } from '../stats/engine.ts';
import type { RoundInput, RoundListQuery } from './rounds.schemas.ts';

/** Screening rounds' SQL; which rounds a user sees is the jurisdiction module's (screeningRoundVisibleSql). */

type Scope = Pick<SessionUser, 'unitRegionCode'>;

export interface RoundRow {
  id: number; title: string; scope: string; regionCode: string; regionName: string; unitId: number; unitName: string; sectors: string[];
  periodFrom: string; periodTo: string; status: 'open' | 'closed'; inspectedSubjects: number; createdAt: Date;
}
const COLUMNS = sql`r.id, r.title, r.scope, r.region_code as "regionCode", g.name as "regionName", r.unit_id as "unitId", un.name as "unitName",
  r.sectors, r.period_from as "periodFrom", r.period_to as "periodTo", r.status, r.created_at as "createdAt",
  (select count(distinct i.subject_id)::int from inspections i where i.round_id = r.id) as "inspectedSubjects"`;
const FROM = sql`screening_rounds r join regions g on g.code = r.region_code join units un on un.id = r.unit_id`;

export async function insertRound(q: Queryable, user: SessionUser, b: RoundInput): Promise<number> {
  const [{ id }] = await q.query<{ id: number }>(
    sql`insert into screening_rounds (title, scope, region_code, unit_id, sectors, period_from, period_to, created_by)
        values (${b.title}, ${b.scope}, ${b.regionCode}, ${user.unitId}, ${b.sectors}::text[], ${b.periodFrom}, ${b.periodTo}, ${user.id}) returning id`,
  );
  return id;
}

/** A round the user may see, or null (locked for a change when `forUpdate`). */
export async function findRound(q: Queryable, user: Scope, id: number, forUpdate = false) {
  const [r] = await q.query<RoundRow & { createdBy: string; updatedAt: Date | null; closedAt: Date | null; closedBy: string | null }>(
    sql`select ${COLUMNS}, cu.display_name as "createdBy", r.updated_at as "updatedAt", r.closed_at as "closedAt", xu.display_name as "closedBy"
        from ${FROM} join users cu on cu.id = r.created_by left join users xu on xu.id = r.closed_by
        where r.id = ${id} and ${screeningRoundVisibleSql(user, 'r.region_code')} ${forUpdate ? sql`for update of r` : empty}`,
  );
  return r ?? null;
}

/** One page of the rounds the user sees, newest first, with the total. */
export async function roundPage(q: Queryable, user: Scope, f: RoundListQuery, subject: { kind: string; regionCode: string } | null) {
  const where = sql`${screeningRoundVisibleSql(user, 'r.region_code')}
    ${f.status ? sql`and r.status = ${f.status}` : empty}
    ${subject ? sql`and r.status = 'open' and ${subject.kind} = any(r.sectors) and ${subject.regionCode} like r.region_code || '%'` : empty}`;
  const [{ total }] = await q.query<{ total: number }>(sql`select count(*)::int as total from screening_rounds r where ${where}`);
  const items = await q.query<RoundRow>(
    sql`select ${COLUMNS} from ${FROM} where ${where} order by r.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { items, total };
}

export const updateRound = (q: Queryable, id: number, b: { title: string; periodFrom: string; periodTo: string }) =>
  q.query(sql`update screening_rounds set title = ${b.title}, period_from = ${b.periodFrom}, period_to = ${b.periodTo}, updated_at = now() where id = ${id}`);

export const closeRound = (q: Queryable, id: number, userId: number) =>
  q.query(sql`update screening_rounds set status = 'closed', closed_at = now(), closed_by = ${userId}, updated_at = now() where id = ${id}`);

/** Inspections of the round dated outside a period (a period may not be narrowed past them). */
export async function inspectionsOutside(q: Queryable, id: number, from: string, to: string): Promise<number> {
  const [{ n }] = await q.query<{ n: number }>(
    sql`select count(*)::int as n from inspections where round_id = ${id} and (inspected_on < ${from}::date or inspected_on > ${to}::date)`,
  );
  return n;
}

/**
 * Coverage per child region of `root`, in one grouped query: subjects in scope (the round's sectors,
 * not merged, in the child's subtree) and those of them inspected in the round (distinct). Subjects
 * registered at `root` itself form a row of their own (`own`).
 */
export async function coverageByChild(q: Queryable, roundId: number, root: string, sectors: string[]) {
  const childLength = CHILD_LENGTH[root.length];
  return q.query<{ regionCode: string; regionName: string; own: boolean; inScope: number; inspected: number }>(
    sql`with kids as (
          select code, name, false as own from regions where parent_code = ${root}
          union all select code, name, true from regions where code = ${root}),
        scope as (
          select s.id, case when length(s.region_code) >= ${childLength} then left(s.region_code, ${childLength}) else ${root} end as child
          from subjects s
          where ${subtreeSql(root, 's.region_code')} and s.merged_into is null and s.kind = any(${sectors}::text[])),
        done as (select distinct i.subject_id from inspections i where i.round_id = ${roundId})
        select k.code as "regionCode", k.name as "regionName", k.own, count(sc.id)::int as "inScope", count(d.subject_id)::int as inspected
        from kids k left join scope sc on sc.child = k.code left join done d on d.subject_id = sc.id
        group by k.code, k.name, k.own
        order by k.own desc, k.code`,
  );
}
