import { sql, type Queryable } from '../../db/client.ts';
import { notAccusedSql, tipVisibleSql } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import type { Role } from '../../../shared/domain.ts';

export interface NewNotification {
  kind: string;
  tipId: number | null;
  text: string;
  /** One notification per (user, kind, tip, key): a repeat with the same key is dropped. */
  dedupeKey: string;
}

/** Notifies the active users of a unit who hold any of the roles — never a unit the tip accuses. */
export async function notifyUnit(q: Queryable, unitId: number, roles: Role[], n: NewNotification): Promise<number> {
  const rows = await q.query(
    sql`insert into notifications (user_id, kind, tip_id, text, dedupe_key)
        select u.id, ${n.kind}, n.tip_id, ${n.text}, ${n.dedupeKey}
        from users u cross join (select ${n.tipId}::bigint as tip_id) n
        where u.unit_id = ${unitId} and not u.disabled and u.roles && ${roles}::text[] and ${notAccusedSql('u.unit_id', 'n.tip_id')}
        on conflict (user_id, kind, tip_id, dedupe_key) do nothing returning id`,
  );
  return rows.length;
}

/** Withdraws what units were told about a tip that now accuses them (named after they were told). */
export async function withdrawNotifications(q: Queryable, tipId: number, unitIds: number[]): Promise<void> {
  if (!unitIds.length) return;
  await q.query('delete from notifications where tip_id = $1 and user_id in (select id from users where unit_id = any($2::bigint[]))', [tipId, unitIds]);
}

/** Words of a tip's description a notice quotes to name it, beside its tracking code. */
const NOTICE_SUMMARY_CHARS = 30;

/**
 * The user's notices, newest first. Each names its tip by tracking code and its first words, read now
 * and only when the user may see the tip now (the tip may have moved away, or named their unit since):
 * a notice never carries text its reader may not see.
 */
export async function listNotifications(q: Queryable, user: SessionUser, f: { unread?: boolean; cursor?: number; limit: number }) {
  const rows = await q.query<{ id: number; kind: string; tipId: number | null; text: string; createdAt: Date; readAt: Date | null; code: string | null; summary: string | null }>(
    sql`select n.id, n.kind, n.tip_id as "tipId", n.text, n.created_at as "createdAt", n.read_at as "readAt",
          t.tracking_code as code, left(t.description, ${NOTICE_SUMMARY_CHARS}) as summary
        from notifications n left join tips t on t.id = n.tip_id and ${tipVisibleSql(user)}
        where n.user_id = ${user.id} and (${f.unread ?? null}::boolean is not true or n.read_at is null) and (${f.cursor ?? null}::bigint is null or n.id < ${f.cursor ?? null})
        order by n.id desc limit ${f.limit + 1}`,
  );
  const [{ n }] = await q.query<{ n: number }>(sql`select count(*)::int as n from notifications where user_id = ${user.id} and read_at is null`);
  const items = rows.slice(0, f.limit).map(({ code, summary, ...r }) => ({
    ...r,
    tip: r.tipId !== null && code !== null ? { id: r.tipId, trackingCode: code, summary: summary ?? '' } : null,
  }));
  return { items, unread: n, nextCursor: rows.length > f.limit ? String(items[items.length - 1].id) : null };
}

export async function markRead(q: Queryable, userId: number, ids: number[] | 'all'): Promise<number> {
  const rows =
    ids === 'all'
      ? await q.query('update notifications set read_at = now() where user_id = $1 and read_at is null returning id', [userId])
      : await q.query('update notifications set read_at = now() where user_id = $1 and id = any($2::bigint[]) and read_at is null returning id', [userId, ids]);
  return rows.length;
}
