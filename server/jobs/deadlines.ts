import type { Db } from '../db/client.ts';
import { notifyUnit } from '../modules/notifications/notifications.service.ts';
import { findClusters } from '../modules/intel/linking.ts';

const DAY = `to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * Tells the office that dispatched a tip's current lead assignment: once when the tip becomes
 * overdue (once per deadline), and once a day while its deadline is less than a day away.
 * Deduplication lives in the notifications table's unique key, so reruns and restarts never flood.
 */
export async function sweepDeadlines(db: Db): Promise<{ overdue: number; dueSoon: number }> {
  const due = await db.query<{ tip_id: number; office: number; deadline_at: Date; overdue: boolean; day: string; tracking_code: string }>(
    `select t.id as tip_id, a.dispatched_by_unit_id as office, t.deadline_at, t.deadline_at < now() as overdue, ${DAY} as day, t.tracking_code
     from tips t
     join lateral (select dispatched_by_unit_id from tip_assignments
                   where tip_id = t.id and active and role = 'lead' order by id desc limit 1) a on true
     where t.status in ('dispatched', 'in_progress') and t.deadline_at < now() + interval '1 day'`,
  );
  let overdue = 0;
  let dueSoon = 0;
  for (const d of due) {
    if (d.overdue) {
      overdue += await notifyUnit(db, d.office, ['office_lead'], {
        kind: 'overdue', tipId: d.tip_id, text: `线索 ${d.tracking_code} 已超过办理时限`, dedupeKey: d.deadline_at.toISOString(),
      });
    } else {
      dueSoon += await notifyUnit(db, d.office, ['office_lead'], {
        kind: 'due_soon', tipId: d.tip_id, text: `线索 ${d.tracking_code} 将于 24 小时内到期`, dedupeKey: d.day,
      });
    }
  }
  return { overdue, dueSoon };
}

/** Tells the office leads over a cluster of ≥ 5 tips about one company in 30 days, once per cluster. */
export async function sweepClusters(db: Db): Promise<number> {
  let sent = 0;
  for (const c of await findClusters(db)) {
    for (const office of c.offices) {
      sent += await notifyUnit(db, office, ['office_lead'], {
        kind: 'cluster', tipId: c.first_tip, text: `${c.n} 条线索在 30 天内指向同一单位（${c.normalized}），可能涉及非法集资，请关注`, dedupeKey: `${c.kind}:${c.normalized}`,
      });
    }
  }
  return sent;
}
