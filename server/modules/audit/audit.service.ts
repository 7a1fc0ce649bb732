import type { Queryable } from '../../db/client.ts';

export interface AuditActor {
  id: number | null;
  name: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit row; pass the transaction of the change it records so both commit together. */
export async function audit(q: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await q.query(
    `insert into audit_log (actor_id, actor_name, action, entity, entity_id, detail) values ($1, $2, $3, $4, $5, $6)`,
    [actor.id, actor.name, entry.action, entry.entity, entry.entityId == null ? null : String(entry.entityId), entry.detail ?? null],
  );
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  action?: string;
  limit: number;
  before?: number;
}

/** Reads the audit log newest first, by id keyset. */
export async function listAudit(q: Queryable, f: AuditQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.entity) add('entity = ?', f.entity);
  if (f.entityId) add('entity_id = ?', f.entityId);
  if (f.action) add('action = ?', f.action);
  if (f.before) add('id < ?', f.before);
  params.push(f.limit + 1);
  const rows = await q.query<{ id: number; at: Date; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; detail: unknown }>(
    `select id, at, actor_id, actor_name, action, entity, entity_id, detail from audit_log
     ${where.length ? 'where ' + where.join(' and ') : ''} order by id desc limit $${params.length}`,
    params,
  );
  const items = rows.slice(0, f.limit).map((r) => ({
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail,
  }));
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].id) : null };
}
