import { join, sql, type Queryable, type Sql } from '../../db/client.ts';
import { page } from '../../db/page.ts';
import { auditVisibleSql } from '../access/jurisdiction.ts';
import type { SessionUser } from '../auth/auth.service.ts';

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
    sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, detail)
        values (${actor.id}, ${actor.name}, ${entry.action}, ${entry.entity}, ${entry.entityId == null ? null : String(entry.entityId)}, ${entry.detail ?? null})`,
  );
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  action?: string;
  limit: number;
  before?: number;
}

/** Reads the audit log newest first, by id keyset — only the rows in the auditor's jurisdiction (jurisdiction.ts). */
export async function listAudit(q: Queryable, auditor: SessionUser, f: AuditQuery) {
  const where: Sql[] = [auditVisibleSql(auditor, 'l')];
  if (f.entity) where.push(sql`l.entity = ${f.entity}`);
  if (f.entityId) where.push(sql`l.entity_id = ${f.entityId}`);
  if (f.action) where.push(sql`l.action = ${f.action}`);
  if (f.before) where.push(sql`l.id < ${f.before}`);
  const rows = await q.query<{ id: number; at: Date; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; detail: unknown }>(
    sql`select l.id, l.at, l.actor_id, l.actor_name, l.action, l.entity, l.entity_id, l.detail from audit_log l
        where ${join(where, ' and ')} order by l.id desc limit ${f.limit + 1}`,
  );
  const items = rows.map((r) => ({
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail,
  }));
  return page(items, f.limit, (e) => String(e.id));
}
