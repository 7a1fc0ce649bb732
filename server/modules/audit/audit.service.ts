import { writerOf } from '../../db/replica.ts';
import { join, sql, type Queryable, type Sql } from '../../db/client.ts';
import { page } from '../../db/page.ts';
import { auditVisibleSql, notAccusedSql } from '../access/jurisdiction.ts';
import { regionPathSql } from '../regions/regions.repository.ts';
import { actionLabel, describeDetail, detailRefs, entityLabel, type AuditNames } from './audit.labels.ts';
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

/** The audit row's actor for a signed-in user. */
export const actorOf = (u: Pick<SessionUser, 'id' | 'username'>): AuditActor => ({ id: u.id, name: u.username });

/** Appends one audit row; pass the transaction of the change it records so both commit together. */
export async function audit(q: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  // An export read from the replica records its row on the primary (db/replica.ts).
  await writerOf(q).query(
    sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, detail)
        values (${actor.id}, ${actor.name}, ${entry.action}, ${entry.entity}, ${entry.entityId == null ? null : String(entry.entityId)}, ${entry.detail ?? null})`,
  );
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  action?: string;
  /** Who acted: part of a user's name or username. */
  actor?: string;
  /** The tip the rows are about, by the tracking code staff read on screen. */
  trackingCode?: string;
  limit: number;
  before?: number;
}

const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** Reads the audit log newest first, by id keyset — only the rows in the auditor's jurisdiction (jurisdiction.ts) — in Chinese, with names. */
export async function listAudit(q: Queryable, auditor: SessionUser, f: AuditQuery) {
  const where: Sql[] = [auditVisibleSql(auditor, 'l')];
  if (f.entity) where.push(sql`l.entity = ${f.entity}`);
  if (f.entityId) where.push(sql`l.entity_id = ${f.entityId}`);
  if (f.action) where.push(sql`l.action = ${f.action}`);
  if (f.actor) {
    const like = likeText(f.actor);
    where.push(sql`(l.actor_name like ${like} or exists (select 1 from users fu where fu.id = l.actor_id and (fu.display_name like ${like} or fu.username like ${like})))`);
  }
  if (f.trackingCode) where.push(sql`l.entity = 'tip' and l.entity_id = (select ft.id::text from tips ft where ft.tracking_code = ${f.trackingCode})`);
  if (f.before) where.push(sql`l.id < ${f.before}`);
  const entityId = sql`(case when l.entity_id ~ '^[0-9]{1,18}$' then l.entity_id::bigint end)`;
  const rows = await q.query<{
    id: number; at: Date; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; detail: unknown;
    actor_display: string | null; actor_unit: string | null; object_name: string | null;
  }>(
    sql`select l.id, l.at, l.actor_id, l.actor_name, l.action, l.entity, l.entity_id, l.detail,
          au.display_name as actor_display, aun.name as actor_unit,
          case l.entity
            when 'tip' then (select ot.tracking_code from tips ot where ot.id = ${entityId})
            when 'user' then (select ou.display_name || '（' || ou.username || '）' from users ou where ou.id = ${entityId})
            when 'unit' then (select oun.name from units oun where oun.id = ${entityId})
            when 'subject' then (select os.name from subjects os where os.id = ${entityId})
            when 'hazard' then (select hs.name || ' 的隐患' from hazards oh join subjects hs on hs.id = oh.subject_id where oh.id = ${entityId})
            when 'routing_rule' then (select ${regionPathSql('orr.region_prefix')} from routing_rules orr where orr.id = ${entityId})
          end as object_name
        from audit_log l left join users au on au.id = l.actor_id left join units aun on aun.id = au.unit_id
        where ${join(where, ' and ')} order by l.id desc limit ${f.limit + 1}`,
  );
  const names = await lookUpNames(q, auditor, detailRefs(rows.map((r) => r.detail)));
  const items = rows.map((r) => ({
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name,
    actor: actorWords(r),
    actorUnit: r.actor_unit,
    action: r.action, actionLabel: actionLabel(r.action),
    entity: r.entity, entityLabel: entityLabel(r.entity), entityId: r.entity_id,
    object: r.object_name ?? (r.entity === 'routing_rule' ? '（规则已删除）' : null),
    fields: describeDetail(r.action, r.detail, names),
    detail: r.detail,
  }));
  return page(items, f.limit, (e) => String(e.id));
}

/** Who acted, as a person reads it: the user's name and username, the reporter, the system, or the name typed at a failed login. */
function actorWords(r: { actor_id: number | null; actor_name: string | null; actor_display: string | null; action: string }): string {
  if (r.actor_display) return `${r.actor_display}（${r.actor_name ?? ''}）`.replace('（）', '');
  if (r.actor_name === 'reporter' || r.actor_name === 'public') return '举报人';
  if (r.actor_name === 'system' || (r.actor_id === null && r.actor_name === null && r.action !== 'auth.login_failed')) return '系统';
  if (r.action === 'auth.login_failed') return '未知账号';
  return r.actor_name ?? '—';
}

/** The names a page of details refers to; a tip that accuses the auditor's unit is never named (its code stays out). */
async function lookUpNames(q: Queryable, auditor: SessionUser, refs: ReturnType<typeof detailRefs>): Promise<AuditNames> {
  const [units, tips, subjects, regions] = await Promise.all([
    refs.units.size ? q.query<{ id: number; name: string }>(sql`select id, name from units where id = any(${[...refs.units]}::bigint[])`) : [],
    refs.tips.size
      ? q.query<{ id: number; name: string }>(sql`select t.id, t.tracking_code as name from tips t where t.id = any(${[...refs.tips]}::bigint[]) and ${notAccusedSql(`${Number(auditor.unitId)}::bigint`, 't.id')}`)
      : [],
    refs.subjects.size ? q.query<{ id: number; name: string }>(sql`select id, name from subjects where id = any(${[...refs.subjects]}::bigint[])`) : [],
    refs.regions.size ? q.query<{ code: string; name: string }>(sql`select r.code, ${regionPathSql('r.code')} as name from regions r where r.code = any(${[...refs.regions]}::text[])`) : [],
  ]);
  return {
    units: new Map(units.map((u) => [Number(u.id), u.name])),
    tips: new Map(tips.map((t) => [Number(t.id), t.name])),
    subjects: new Map(subjects.map((x) => [Number(x.id), x.name])),
    regions: new Map(regions.map((x) => [x.code, x.name])),
  };
}
