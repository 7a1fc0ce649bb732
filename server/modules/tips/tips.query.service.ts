import type { Db } from '../../db/client.ts';
import type { Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { TIP_STATUSES, type TipStatus } from '../../../shared/domain.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/validators.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { regionPath } from '../regions/regions.repository.ts';
import { openReporter } from './tips.intake.service.ts';
import { allowedActions, mayRevealIdentity, visibilitySql, type TipContext } from './tips.policy.ts';
import { loadVisible } from './tips.actions.service.ts';
import { segmentQuery } from './search.ts';
import { analyze } from '../intel/analyze.ts';
import { linkedSubjects, linkedTips } from '../intel/linking.ts';
import type { ListQuery } from './tips.schemas.ts';

/** Overdue is derived, never stored: a deadline has passed and no result has been reported. */
export const OPEN_FOR_DEADLINE: TipStatus[] = ['dispatched', 'in_progress'];
export const OVERDUE_SQL = `(t.deadline_at is not null and t.deadline_at < now() and t.status in ('dispatched', 'in_progress'))`;
const DUE_SOON_SQL = `(t.deadline_at >= now() and t.deadline_at < now() + interval '3 days' and t.status in ('dispatched', 'in_progress'))`;
// The unit that must act now and the office that dispatched to it (the deepest active lead assignment).
const LEAD_JOIN = `left join lateral (select a.unit_id, a.dispatched_by_unit_id from tip_assignments a
  where a.tip_id = t.id and a.active and a.role = 'lead' order by a.id desc limit 1) l on true`;

/** A user's to-do kinds, as SQL on t (the tip) and l (its current lead); $1 is the user's unit (visibilitySql binds it). */
const TODO_SQL = {
  to_accept: `(t.status = 'submitted' and t.office_unit_id = $1)`,
  to_dispatch: `(t.status = 'accepted' and t.office_unit_id = $1)`,
  to_sign: `(t.status = 'dispatched' and l.unit_id = $1)`,
  to_handle: `(t.status = 'in_progress' and l.unit_id = $1)`,
  to_review: `(t.status = 'reported' and l.dispatched_by_unit_id = $1)`,
} as const;

function encodeCursor(at: Date, id: number) {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string): [string, number] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(id ?? '')) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'cursor', message: '分页游标无效' }]);
  }
  return [at, Number(id)];
}

/** The user's tips, newest first, with filters and keyset pagination. */
export async function listTips(db: Db, user: SessionUser, f: ListQuery) {
  const scope = visibilitySql(user, 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  const add = (sql: string, ...values: unknown[]) => {
    let out = sql;
    for (const v of values) {
      params.push(v);
      out = out.replace('?', `$${params.length}`);
    }
    where.push(out);
  };
  if (f.status) add('t.status = any(?::text[])', Array.isArray(f.status) ? f.status : [f.status]);
  if (f.fraudType) add('? = any(t.fraud_types)', f.fraudType);
  if (f.source) add('t.source = ?', f.source);
  if (f.regionCode) add(`t.region_code like ? || '%'`, f.regionCode);
  if (f.overdue === 'true') where.push(OVERDUE_SQL);
  if (f.overdue === 'false') where.push(`not ${OVERDUE_SQL}`);
  if (f.from) add(`t.received_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`, f.from);
  if (f.to) add(`t.received_at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'`, f.to);
  if (f.todo) where.push(TODO_SQL[f.todo]);
  if (f.q) {
    const tokens = segmentQuery(f.q);
    if (tokens) add(`t.search_tsv @@ plainto_tsquery('simple', ?)`, tokens);
  }
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor);
    add('(t.received_at, t.id) < (?::timestamptz, ?)', at, id);
  }
  params.push(f.limit + 1);
  const rows = await db.query<{
    id: number; tracking_code: string; status: TipStatus; source: string; fraud_types: string[]; region_code: string;
    region_name: string; received_at: Date; deadline_at: Date | null; overdue: boolean; summary: string;
  }>(
    `select t.id, t.tracking_code, t.status, t.source, t.fraud_types, t.region_code, r.name as region_name, t.received_at,
            t.deadline_at, ${OVERDUE_SQL} as overdue, left(t.description, 80) as summary
     from tips t join regions r on r.code = t.region_code ${f.todo ? LEAD_JOIN : ''}
     where ${where.join(' and ')}
     order by t.received_at desc, t.id desc limit $${params.length}`,
    params,
  );
  const items = rows.slice(0, f.limit).map((r) => ({
    id: r.id, trackingCode: r.tracking_code, status: r.status, statusLabel: TIP_STATUSES[r.status], source: r.source,
    fraudTypes: r.fraud_types, regionCode: r.region_code, regionName: r.region_name, receivedAt: r.received_at,
    deadlineAt: r.deadline_at, overdue: r.overdue, summary: r.summary,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit ? encodeCursor(last.receivedAt, last.id) : null };
}

/** The workbench: how many tips wait for this user's unit, by kind, and how many are due or overdue. */
export async function workbench(db: Db, user: SessionUser) {
  const scope = visibilitySql(user, 1);
  const [counts] = await db.query<Record<string, number>>(
    `select ${Object.entries(TODO_SQL).map(([k, sql]) => `count(*) filter (where ${sql})::int as ${k}`).join(', ')},
            count(*) filter (where ${OVERDUE_SQL})::int as overdue,
            count(*) filter (where ${DUE_SOON_SQL})::int as due_soon,
            count(*)::int as visible
     from tips t ${LEAD_JOIN} where ${scope.sql}`,
    scope.params,
  );
  const [{ unread }] = await db.query<{ unread: number }>('select count(*)::int as unread from notifications where user_id = $1 and read_at is null', [user.id]);
  return {
    todo: { toAccept: counts.to_accept, toDispatch: counts.to_dispatch, toSign: counts.to_sign, toHandle: counts.to_handle, toReview: counts.to_review },
    overdue: counts.overdue,
    dueSoon: counts.due_soon,
    visible: counts.visible,
    unreadNotifications: unread,
  };
}

const isOverdue = (ctx: TipContext) =>
  !!ctx.tip.deadline_at && ctx.tip.deadline_at.getTime() < Date.now() && OPEN_FOR_DEADLINE.includes(ctx.tip.status);

/** A tip as staff see it: facts, masked reporter, assignments, full timeline, and what they may do. */
export async function tipDetail(db: Db, keys: Keys, user: SessionUser, tipId: number) {
  const ctx = await loadVisible(db, user, tipId);
  const { tip } = ctx;
  const [events, attachments, region, office, links, subjects] = await Promise.all([
    db.query<{ id: number; at: Date; kind: string; text: string; public: boolean; actor_name: string | null; unit_name: string | null }>(
      `select e.id, e.at, e.kind, e.text, e.public, u.display_name as actor_name, un.name as unit_name
       from tip_events e left join users u on u.id = e.actor_id left join units un on un.id = e.unit_id
       where e.tip_id = $1 order by e.at, e.id`,
      [tipId],
    ),
    db.query<{ id: string; mime: string; size_bytes: number; created_at: Date }>(
      'select id, mime, size_bytes, created_at from uploads where tip_id = $1 order by created_at',
      [tipId],
    ),
    regionPath(db, tip.region_code),
    db.query<{ id: number; name: string }>('select id, name from units where id = $1', [tip.office_unit_id]),
    linkedTips(db, user, tipId),
    linkedSubjects(db, tipId),
  ]);
  const identity = openReporter(keys, tip.reporter_enc);
  return {
    id: tip.id,
    trackingCode: tip.tracking_code,
    status: tip.status,
    statusLabel: TIP_STATUSES[tip.status],
    source: tip.source,
    fraudTypes: tip.fraud_types,
    regionCode: tip.region_code,
    regionName: region,
    office: office[0],
    description: tip.description,
    subject: tip.subject,
    accusedUnitIds: tip.accused_unit_ids,
    amountInvolved: tip.amount_involved,
    victimCount: tip.victim_count,
    occurredOn: tip.occurred_on,
    receivedAt: tip.received_at,
    deadlineAt: tip.deadline_at,
    overdue: isOverdue(ctx),
    reportedAt: tip.reported_at,
    closedAt: tip.closed_at,
    publicAnswer: tip.public_answer,
    mergedIntoId: tip.merged_into_id,
    rating: tip.rated_at ? { satisfied: tip.rating_satisfied, comment: tip.rating_comment, at: tip.rated_at } : null,
    reporter: identity
      ? {
          anonymous: false,
          name: maskName(identity.name),
          phone: maskPhone(identity.phone),
          idNumber: identity.idNumber ? maskIdNumber(identity.idNumber) : null,
          onBehalfOf: identity.onBehalfOf ? { name: maskName(identity.onBehalfOf.name), relation: identity.onBehalfOf.relation } : null,
        }
      : { anonymous: true },
    canRevealIdentity: !!identity && mayRevealIdentity(user, ctx),
    assignments: ctx.assignments.map((a) => ({
      id: a.id, unitId: a.unit_id, unitName: a.unit_name, unitKind: a.unit_kind, role: a.role, parentId: a.parent_id,
      dispatchedByUnitId: a.dispatched_by_unit_id, dispatchedByUnitName: a.dispatched_by_unit_name, deadlineAt: a.deadline_at,
      instructions: a.instructions, status: a.status, active: a.active, signedAt: a.signed_at, reportedAt: a.reported_at,
      verdict: a.verdict, measures: a.measures, summary: a.summary, createdAt: a.created_at,
    })),
    timeline: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, text: e.text, public: e.public, actor: e.actor_name, unit: e.unit_name })),
    attachments: attachments.map((a) => ({ id: a.id, mime: a.mime, size: a.size_bytes, uploadedAt: a.created_at })),
    allowedActions: allowedActions(user, ctx),
    // Suggestions for triage, computed on read (about a millisecond): types to consider, warning signs, entities.
    analysis: analyze([tip.description, tip.subject?.name].filter(Boolean).join('\n')),
    // Other tips the user may see that name the same company, code, phone, card or address.
    links,
    // Registered subjects the tip names, by credit code or normalised name.
    subjects,
  };
}

/** The reporter's full identity, for a role that may, with a written reason — always audited. */
export async function revealReporterIdentity(db: Db, keys: Keys, user: SessionUser, tipId: number, reason: string) {
  return db.tx(async (q) => {
    const ctx = await loadVisible(q, user, tipId);
    if (!mayRevealIdentity(user, ctx)) throw new AppError('FORBIDDEN');
    const identity = openReporter(keys, ctx.tip.reporter_enc);
    if (!identity) throw new AppError('NOT_FOUND', undefined, '该线索为匿名举报，没有举报人身份信息');
    await audit(q, { id: user.id, name: user.username }, { action: 'tip.identity_revealed', entity: 'tip', entityId: tipId, detail: { reason } });
    return identity;
  });
}
