import { sql, type Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { tipOverdueSql, tipVisibleSql } from '../access/jurisdiction.ts';

const TODAY = sql`(now() at time zone 'Asia/Shanghai')::date`;

/** How long a child region's code is, below a region of this code length (nation → province → …). */
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 9 };

/**
 * The first dashboard for the user's jurisdiction: tips by status and by fraud type, received and
 * closed per day (Asia/Shanghai days), and open overdue tips by child region. Every count is over
 * the tips the user may see, so a figure can always be opened as a list.
 */
export async function overview(db: Db, user: SessionUser, days: number) {
  const where = tipVisibleSql(user);
  const childLen = CHILD_LENGTH[user.unitRegionCode.length] ?? 9;
  const since = sql`(${TODAY} - (${days}::int - 1))`;
  const [byStatus, byType, daily, overdueByRegion] = await Promise.all([
    db.query<{ status: string; n: number }>(sql`select status, count(*)::int as n from tips t where ${where} group by status order by status`),
    db.query<{ fraudType: string; n: number }>(
      sql`select coalesce(ft, 'unclassified') as "fraudType", count(*)::int as n
          from tips t left join lateral unnest(t.fraud_types) ft on true where ${where} group by 1 order by 2 desc`,
    ),
    db.query<{ day: string; received: number; closed: number }>(
      sql`with d as (select generate_series(${since}, ${TODAY}, interval '1 day')::date as day),
               r as (select (t.received_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as n from tips t
                     where ${where} and t.received_at >= ${since}::timestamp at time zone 'Asia/Shanghai' group by 1),
               c as (select (t.closed_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as n from tips t
                     where ${where} and t.closed_at >= ${since}::timestamp at time zone 'Asia/Shanghai' group by 1)
          select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(r.n, 0) as received, coalesce(c.n, 0) as closed
          from d left join r using (day) left join c using (day) order by d.day`,
    ),
    db.query<{ regionCode: string; regionName: string; n: number }>(
      sql`select r.code as "regionCode", r.name as "regionName", x.n from (
            select left(t.region_code, ${childLen}::int) as code, count(*)::int as n from tips t
            where ${where} and ${tipOverdueSql()} group by 1) x
          join regions r on r.code = x.code order by x.n desc`,
    ),
  ]);
  return { byStatus, byType, daily, overdueByRegion };
}
