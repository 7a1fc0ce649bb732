import { join, raw, sql, type Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { tipOverdueSql, tipVisibleSql } from '../access/jurisdiction.ts';
import type { TipStatus } from '../../../shared/domain.ts';
import { caseSummary } from '../cases/cases.service.ts';
import { periodFigures as enforcementFigures } from '../enforcement/enforcement.repository.ts';
import { CHILD_LENGTH } from './engine.ts';
// 按期办结 and 满意 as the engine and the tip list's `counted` filter count them (checked against stats_c_tip).
import { COUNTED } from '../tips/tips.query.service.ts';

const TODAY = sql`(now() at time zone 'Asia/Shanghai')::date`;


/** Statuses in the order a tip passes through them; the two ends off the main road come last. */
export const WORKFLOW_ORDER: TipStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'reported', 'closing', 'closed', 'rejected', 'merged'];

/**
 * The dashboard for the user's jurisdiction and a period (the last `days` China days, today
 * included). The cards, rates and types count the tips RECEIVED in the period, by where each is now
 * (docs/indicators.md defines the rates); the daily chart counts receipts and closures per day; the
 * overdue chart is today's state. Every count is over the tips the user may see, so a figure can
 * always be opened as a list. The period's tips are one range of the received-time indexes, so a
 * shorter period reads less (issue 11 builds the indicator engine for the rest).
 */
export async function overview(db: Db, user: SessionUser, days: number) {
  const where = tipVisibleSql(user);
  const childLen = CHILD_LENGTH[user.unitRegionCode.length] ?? 12;
  const since = sql`(${TODAY} - (${days}::int - 1))`;
  const inPeriod = sql`${where} and t.received_at >= ${since}::timestamp at time zone 'Asia/Shanghai'`;
  // One pass over the period's tips for the cards and the rates.
  const byStatusSql = join(WORKFLOW_ORDER.map((s) => sql`count(*) filter (where t.status = ${s})::int as ${raw(`"${s}"`)}`), ', ');
  const [[period], [counts], byType, daily, overdueByRegion] = await Promise.all([
    db.query<{ from: string; to: string }>(sql`select to_char(${since}, 'YYYY-MM-DD') as "from", to_char(${TODAY}, 'YYYY-MM-DD') as "to"`),
    db.query<Record<TipStatus, number> & { received: number; acceptedTotal: number; closedWithDeadline: number; closedOnTime: number; rated: number; satisfied: number }>(
      sql`select count(*)::int as received, ${byStatusSql},
                 count(*) filter (where t.status not in ('submitted', 'rejected', 'merged'))::int as "acceptedTotal",
                 count(*) filter (where t.status = 'closed' and t.deadline_at is not null)::int as "closedWithDeadline",
                 count(*) filter (where ${COUNTED.closed_on_time.sql})::int as "closedOnTime",
                 count(*) filter (where t.rating_satisfied is not null)::int as rated,
                 count(*) filter (where ${COUNTED.satisfied.sql})::int as satisfied
          from tips t where ${inPeriod}`,
    ),
    db.query<{ fraudType: string; n: number }>(
      sql`select coalesce(ft, 'unclassified') as "fraudType", count(*)::int as n
          from tips t left join lateral unnest(t.fraud_types) ft on true where ${inPeriod} group by 1 order by 2 desc, 1`,
    ),
    db.query<{ day: string; received: number; closed: number }>(
      sql`with d as (select generate_series(${since}, ${TODAY}, interval '1 day')::date as day),
               r as (select (t.received_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as n from tips t
                     where ${inPeriod} group by 1),
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
  return {
    period: { ...period, days },
    received: counts.received,
    byStatus: WORKFLOW_ORDER.map((status) => ({ status, n: counts[status] })),
    rates: {
      closure: { numerator: counts.closed, denominator: counts.acceptedTotal },
      onTime: { numerator: counts.closedOnTime, denominator: counts.closedWithDeadline },
      satisfaction: { numerator: counts.satisfied, denominator: counts.rated },
    },
    byType, daily, overdueByRegion,
    strike: await strikeFigures(db, user, period.from, period.to),
  };
}

/**
 * 打击 for the same period: the cases' figures summed from their dated entries (cases module) and the
 * enforcement records' counts — the one source of 行政处罚 and 罚没 — over what the user may see.
 */
async function strikeFigures(db: Db, user: SessionUser, from: string, to: string) {
  const [cases, enforcement] = await Promise.all([caseSummary(db, user, from, to), enforcementFigures(db, user, from, to)]);
  return {
    casesFiled: cases.counts.cases_filed, casesSolved: cases.counts.cases_solved, arrested: cases.counts.suspects_arrested,
    involvedFen: cases.amounts.involvedFen, recoveredFen: cases.amounts.recoveredFen,
    notices: enforcement.rectification_notices, penalties: enforcement.admin_penalties, penaltyFen: enforcement.penalty_amount_fen, transfers: enforcement.transfers_police,
  };
}
