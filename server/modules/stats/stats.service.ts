import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { visibilitySql } from '../tips/tips.policy.ts';
import { OVERDUE_SQL } from '../tips/tips.query.service.ts';

const TODAY = `(now() at time zone 'Asia/Shanghai')::date`;

/** How long a child region's code is, below a region of this code length (nation → province → …). */
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 9 };

/**
 * The first dashboard for the user's jurisdiction: tips by status and by fraud type, received and
 * closed per day (Asia/Shanghai days), and open overdue tips by child region. Every count is over
 * the tips the user may see, so a figure can always be opened as a list.
 */
export async function overview(db: Db, user: SessionUser, days: number) {
  const scope = visibilitySql(user, 1);
  const where = scope.sql;
  const p = scope.params;
  const childLen = CHILD_LENGTH[user.unitRegionCode.length] ?? 9;
  const [byStatus, byType, daily, overdueByRegion] = await Promise.all([
    db.query<{ status: string; n: number }>(`select status, count(*)::int as n from tips t where ${where} group by status order by status`, p),
    db.query<{ fraudType: string; n: number }>(
      `select coalesce(ft, 'unclassified') as "fraudType", count(*)::int as n
       from tips t left join lateral unnest(t.fraud_types) ft on true where ${where} group by 1 order by 2 desc`,
      p,
    ),
    db.query<{ day: string; received: number; closed: number }>(
      `with d as (select generate_series(${TODAY} - ($${p.length + 1}::int - 1), ${TODAY}, interval '1 day')::date as day),
            r as (select (t.received_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as n from tips t
                  where ${where} and t.received_at >= (${TODAY} - ($${p.length + 1}::int - 1))::timestamp at time zone 'Asia/Shanghai' group by 1),
            c as (select (t.closed_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as n from tips t
                  where ${where} and t.closed_at >= (${TODAY} - ($${p.length + 1}::int - 1))::timestamp at time zone 'Asia/Shanghai' group by 1)
       select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(r.n, 0) as received, coalesce(c.n, 0) as closed
       from d left join r using (day) left join c using (day) order by d.day`,
      [...p, days],
    ),
    db.query<{ regionCode: string; regionName: string; n: number }>(
      `select r.code as "regionCode", r.name as "regionName", x.n from (
         select left(t.region_code, ${childLen}) as code, count(*)::int as n from tips t
         where ${where} and ${OVERDUE_SQL} group by 1) x
       join regions r on r.code = x.code order by x.n desc`,
      p,
    ),
  ]);
  return { byStatus, byType, daily, overdueByRegion };
}
