import type { Queryable } from '../../db/client.ts';
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
    `insert into notifications (user_id, kind, tip_id, text, dedupe_key)
     select id, $3, $4, $5, $6 from users where unit_id = $1 and not disabled and roles && $2::text[]
       and not exists (select 1 from tips t where t.id = $4 and $1::bigint = any(t.accused_unit_ids))
     on conflict (user_id, kind, tip_id, dedupe_key) do nothing returning id`,
    [unitId, roles, n.kind, n.tipId, n.text, n.dedupeKey],
  );
  return rows.length;
}

/** Withdraws what units were told about a tip that now accuses them (named after they were told). */
export async function withdrawNotifications(q: Queryable, tipId: number, unitIds: number[]): Promise<void> {
  if (!unitIds.length) return;
  await q.query('delete from notifications where tip_id = $1 and user_id in (select id from users where unit_id = any($2::bigint[]))', [tipId, unitIds]);
}

export async function listNotifications(q: Queryable, userId: number, f: { unread?: boolean; cursor?: number; limit: number }) {
  const rows = await q.query<{ id: number; kind: string; tipId: number | null; text: string; createdAt: Date; readAt: Date | null }>(
    `select id, kind, tip_id as "tipId", text, created_at as "createdAt", read_at as "readAt" from notifications
     where user_id = $1 and ($2::boolean is not true or read_at is null) and ($3::bigint is null or id < $3)
     order by id desc limit $4`,
    [userId, f.unread ?? null, f.cursor ?? null, f.limit + 1],
  );
  const [{ n }] = await q.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]);
  const items = rows.slice(0, f.limit);
  return { items, unread: n, nextCursor: rows.length > f.limit ? String(items[items.length - 1].id) : null };
}

export async function markRead(q: Queryable, userId: number, ids: number[] | 'all'): Promise<number> {
  const rows =
    ids === 'all'
      ? await q.query('update notifications set read_at = now() where user_id = $1 and read_at is null returning id', [userId])
      : await q.query('update notifications set read_at = now() where user_id = $1 and id = any($2::bigint[]) and read_at is null returning id', [userId, ids]);
  return rows.length;
}
