import type { Queryable } from '../db/client.ts';
import { notifyUnit } from '../modules/notifications/notifications.service.ts';
import { findClusters } from '../modules/intel/linking.ts';
import { lastRun, recordRun } from './state.ts';

const OPEN = `t.status in ('dispatched', 'in_progress')`;
// Tells the office that dispatched the current lead assignment (tips.lead_dispatcher_unit_id, kept
// by a trigger) — its active office leads — in one statement; the notifications table's unique key
// drops what was already sent, so reruns, overlaps and several processes never flood.
const NOTIFY_DISPATCHER = (kind: string, text: string, dedupeKey: string) => `
  sent as (
    insert into notifications (user_id, kind, tip_id, text, dedupe_key)
    select u.id, '${kind}', d.id, ${text}, ${dedupeKey}
    from due d join users u on u.unit_id = d.lead_dispatcher_unit_id and not u.disabled and u.roles && '{office_lead}'::text[]
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
  // Overdue: deadline passed since the last look, or changed state since (two index range scans).
  const [{ n: overdue }] = await q.query<{ n: number }>(
    `with due as (
       select t.id, t.tracking_code, t.deadline_at, t.lead_dispatcher_unit_id from tips t
       where ${OPEN} and t.deadline_at < $1 and ($2::timestamptz is null or t.deadline_at >= $2)
       union
       select t.id, t.tracking_code, t.deadline_at, t.lead_dispatcher_unit_id from tips t
       where ${OPEN} and t.deadline_at < $1 and t.updated_at >= $2),
     ${NOTIFY_DISPATCHER('overdue', `'线索 ' || d.tracking_code || ' 已超过办理时限'`, `to_char(d.deadline_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)}`,
    [now, since],
  );
  // Due soon: within a day of the deadline; again each new day (Asia/Shanghai).
  const day = (at: string) => `to_char(${at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const [{ n: dueSoon }] = await q.query<{ n: number }>(
    `with due as (
       select t.id, t.tracking_code, t.lead_dispatcher_unit_id from tips t
       where ${OPEN} and t.deadline_at >= $1::timestamptz and t.deadline_at < $1::timestamptz + interval '1 day'
         and ($2::timestamptz is null or ${day('$3::timestamptz')} <> ${day('$1::timestamptz')}
              or t.deadline_at >= $2::timestamptz + interval '1 day' or t.updated_at >= $2::timestamptz)),
     ${NOTIFY_DISPATCHER('due_soon', `'线索 ' || d.tracking_code || ' 将于 24 小时内到期'`, day('$1::timestamptz'))}`,
    [now, since, last],
  );
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
