import { sql, type Queryable, type Sql } from '../db/client.ts';
import { notifyUnit } from '../modules/notifications/notifications.service.ts';
import { findClusters } from '../modules/intel/linking.ts';
import { lastRun, recordRun } from './state.ts';
import { deadlineRunsSql, notAccusedSql } from '../modules/access/jurisdiction.ts';

// Tells the office that dispatched the current lead assignment (tips.lead_dispatcher_unit_id, kept
// by a trigger) — its active office leads, never a unit the tip accuses — in one statement; the
// notifications table's unique key drops what was already sent, so reruns, overlaps and several
// processes never flood.
const notifyDispatcher = (due: Sql, kind: string, text: Sql, dedupeKey: Sql) => sql`
  with due as (${due}),
  sent as (
    insert into notifications (user_id, kind, tip_id, text, dedupe_key)
    select u.id, ${kind}, d.id, ${text}, ${dedupeKey}
    from due d join users u on u.unit_id = d.lead_dispatcher_unit_id and not u.disabled and u.roles && '{office_lead}'::text[]
    where ${notAccusedSql('u.unit_id', 'd.id')}
    on conflict (user_id, kind, tip_id, dedupe_key) do nothing returning 1)
  select count(*)::int as n from sent`;

/**
 * Tells the office that dispatched a tip's current lead assignment: once when the tip becomes
 * overdue (once per deadline), and once a day while its deadline is less than a day away.
 * Each kind is one set-based statement over the tips that changed since the last run only: their
 * deadline passed (or came within a day), their state changed (a result returned after the
 * deadline), or — for due-soon notices — a new day began. Everything the first time.
 */
export async function sweepDeadlines(q: Queryable): Promise<{ overdue: number; dueSoon: number }> {
  const { last, since, now } = await lastRun(q, 'deadlines');
  const open = deadlineRunsSql('t');
  // Overdue: deadline passed since the last look, or changed state since (two index range scans).
  const [{ n: overdue }] = await q.query<{ n: number }>(notifyDispatcher(
    sql`select t.id, t.tracking_code, t.deadline_at, t.lead_dispatcher_unit_id from tips t
        where ${open} and t.deadline_at < ${now} and (${since}::timestamptz is null or t.deadline_at >= ${since})
        union
        select t.id, t.tracking_code, t.deadline_at, t.lead_dispatcher_unit_id from tips t
        where ${open} and t.deadline_at < ${now} and t.updated_at >= ${since}`,
    'overdue', sql`'线索 ' || d.tracking_code || ' 已超过办理时限'`,
    sql`to_char(d.deadline_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  ));
  // Due soon: within a day of the deadline; again each new day (Asia/Shanghai).
  const day = (at: unknown) => sql`to_char(${at}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const [{ n: dueSoon }] = await q.query<{ n: number }>(notifyDispatcher(
    sql`select t.id, t.tracking_code, t.lead_dispatcher_unit_id from tips t
        where ${open} and t.deadline_at >= ${now}::timestamptz and t.deadline_at < ${now}::timestamptz + interval '1 day'
          and (${since}::timestamptz is null or ${day(last)} <> ${day(now)}
               or t.deadline_at >= ${since}::timestamptz + interval '1 day' or t.updated_at >= ${since}::timestamptz)`,
    'due_soon', sql`'线索 ' || d.tracking_code || ' 将于 24 小时内到期'`, day(now),
  ));
  await recordRun(q, 'deadlines', now);
  return { overdue, dueSoon };
}

/**
 * Tells the office leads over a cluster of ≥ 5 tips about one company in 30 days, once per cluster.
 * Only companies named by tips received since the last run are counted again.
 */
export async function sweepClusters(q: Queryable): Promise<number> {
  const { since, now } = await lastRun(q, 'clusters');
  let sent = 0;
  for (const c of await findClusters(q, { since })) {
    for (const office of c.offices) {
      sent += await notifyUnit(q, office, ['office_lead'], {
        kind: 'cluster', tipId: c.first_tip, text: `${c.n} 条线索在 30 天内指向同一单位（${c.normalized}），可能涉及非法集资，请关注`, dedupeKey: `${c.kind}:${c.normalized}`,
      });
    }
  }
  await recordRun(q, 'clusters', now);
  return sent;
}
