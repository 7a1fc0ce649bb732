import { join, raw, sql, type Db, type Sql } from '../../db/client.ts';
import type { Keys } from '../../crypto.ts';
import { AppError } from '../../errors.ts';
import { TIP_STATUSES, type TipStatus } from '../../../shared/domain.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/validators.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { assignedTipsSql, deadlineRunsSql, isOffice, isTipOverdue, outsideSubtreeRanges, subtreeSql, tipOverdueSql, tipVisibleBranches, tipVisibleSql } from '../access/jurisdiction.ts';
import { findRegion, regionPath } from '../regions/regions.repository.ts';
import { openReporter } from './tips.intake.service.ts';
import { allowedActions, mayRevealIdentity } from './tips.policy.ts';
import { loadVisible, loadVisibleByCode } from './tips.actions.service.ts';
import { segmentQuery } from './search.ts';
import { analyze } from '../intel/analyze.ts';
import { linkedSubjects, linkedTips } from '../intel/linking.ts';
import { casesOfTip } from '../cases/cases.repository.ts';
import { pendingTransfers } from '../enforcement/enforcement.repository.ts';
import type { FilterQuery, ListQuery, TipCounted } from './tips.schemas.ts';
import type { IndicatorKey } from '../../../shared/indicators.ts';
import { closedBetweenSql, dissatisfiedSql, leadVerdictIsSql, returnedSql } from '../supervision/tip-facts.ts';

/** A user's to-do kinds, as SQL on t: each one index range (0001 tips_office_idx, 0008 tips_lead_unit_idx / tips_lead_dispatcher_idx). */
const todoSql = (unitId: number) => ({
  to_accept: sql`(t.office_unit_id = ${unitId} and t.status = 'submitted')`,
  to_dispatch: sql`(t.office_unit_id = ${unitId} and t.status = 'accepted')`,
  to_sign: sql`(t.lead_unit_id = ${unitId} and t.status = 'dispatched')`,
  to_handle: sql`(t.lead_unit_id = ${unitId} and t.status = 'in_progress')`,
  to_review: sql`(t.lead_dispatcher_unit_id = ${unitId} and t.status = 'reported')`,
  // 待我审核: the unit's drafts awaiting its unit lead (tip_assignments_pending_approval_idx), and the
  // closing proposals awaiting this office (tip_closure_reviews_reviewer_idx).
  to_approve: sql`t.id in (select a.tip_id from tip_assignments a where a.unit_id = ${unitId} and a.active and a.status = 'pending_approval')`,
  to_review_closure: sql`(t.status = 'closing' and t.id in (select r.tip_id from tip_closure_reviews r where r.reviewer_unit_id = ${unitId} and r.decision is null))`,
});

/** Timeline events about a unit's draft report: read only by that unit's own staff (单位负责人审核). */
const DRAFT_EVENT_KINDS = ['report_drafted', 'report_rejected'];

/*
 * The list's keyset cursor: the last row's received_at to the microsecond (tips written in one group
 * commit share it, so a millisecond cursor would skip some) and its id. A cursor is client input:
 * anything but what encodeCursor makes is a 400 on `cursor`, never a database error.
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.(\d{6})Z\|([1-9]\d{0,14})$/;
const encodeCursor = (at: string, id: number) => Buffer.from(`${at}|${id}`).toString('base64url');
function decodeCursor(cursor: string): [string, number] {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const ms = m ? Date.parse(`${m[1]}Z`) : NaN;
  // The date must be a real one (no 2月30日) within the years PostgreSQL and the data can hold.
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== m[1] || m[1] < '1970' || m[1] >= '9999') {
    throw new AppError('VALIDATION_FAILED', [{ path: 'cursor', message: '分页游标无效，请从第一页重新查询' }]);
  }
  return [`${m[1]}.${m[2]}Z`, Number(m[3])];
}

const LIST_COLUMNS = sql`t.id, t.tracking_code, t.status, t.source, t.fraud_types, t.region_code, t.received_at,
  to_char(t.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
  t.deadline_at, ${tipOverdueSql()} as overdue, left(t.description, 80) as summary, t.source_ref`;

/** A hand-edited or stale link must say so, not answer an empty list as if nothing matched. */
async function checkRegionFilter(db: Db, f: FilterQuery) {
  if (f.regionCode && !(await findRegion(db, f.regionCode))) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'regionCode', message: '没有这个地区：请在“地区”中输入地名并从列表中选择' }]);
  }
}

/** The list's filter as SQL conditions on the tips table `t` (visibility is added by each caller). */
/**
 * The tips an engine indicator counts beyond its period (the `counted` filter: docs/indicators.md,
 * "Links"). The conditions are stats_c_tip's (migration 0022), typed again here because asking that
 * function per tip made a count of 20,000 tips take 0.3–0.4 s instead of 6–11 ms (PostgreSQL 15,
 * 2 vCPUs at load 5, 2026-11-30); engine.links.test.ts checks on both backends that each condition
 * selects exactly the tips stats_c_tip counts for its indicator. The overview (stats.service.ts) counts
 * 按期办结 and 满意 with the same conditions.
 */
export const COUNTED: Record<TipCounted, { indicator: IndicatorKey; sql: Sql }> = {
  closed_on_time: { indicator: 'tips_closed_on_time', sql: sql`(t.status = 'closed' and t.deadline_at is not null and t.closed_at <= t.deadline_at)` },
  true: { indicator: 'tips_true', sql: sql`t.verdict_true` },
  satisfied: { indicator: 'reporter_satisfied', sql: sql`coalesce(t.rating_satisfied, false)` },
};

function listFilters(user: SessionUser, f: FilterQuery): Sql[] {
  const filters: Sql[] = [];
  if (f.status) filters.push(sql`t.status = any(${Array.isArray(f.status) ? f.status : [f.status]}::text[])`);
  if (f.fraudType) filters.push(sql`${f.fraudType} = any(t.fraud_types)`);
  if (f.source) filters.push(sql`t.source = ${f.source}`);
  if (f.regionCode) filters.push(subtreeSql(f.regionCode, 't.region_code'));
  if (f.overdue === 'true') filters.push(tipOverdueSql());
  if (f.overdue === 'false') filters.push(sql`not ${tipOverdueSql()}`);
  if (f.from) filters.push(sql`t.received_at >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.to) filters.push(sql`t.received_at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.todo) filters.push(todoSql(user.unitId)[f.todo]);
  const code = f.q?.replace(/[\s-]/g, '');
  // The 12-digit tracking code staff read on screen finds its tip (tips_tracking_code_key); words search the text.
  // Either way the source's own reference number (12337 编号, 转办文号) as typed finds its tips too (tips_source_ref_idx).
  const byRef = f.q ? sql`t.source_ref = ${f.q}` : null;
  if (code && /^\d{12}$/.test(code)) filters.push(sql`(t.tracking_code = ${code} or ${byRef})`);
  else if (f.q) {
    const tokens = segmentQuery(f.q);
    filters.push(tokens ? sql`(t.search_tsv @@ plainto_tsquery('simple', ${tokens}) or ${byRef})` : byRef!);
  }
  // Supervision's filters (the tips behind a gaming flag), defined once in supervision/tip-facts.ts.
  if (f.leadUnitId) filters.push(sql`t.lead_unit_id = ${f.leadUnitId}`);
  if (f.verdict) filters.push(leadVerdictIsSql(f.verdict));
  if (f.closedFrom || f.closedTo) filters.push(closedBetweenSql(f.closedFrom, f.closedTo));
  if (f.returned) filters.push(returnedSql());
  if (f.dissatisfied) filters.push(dissatisfiedSql());
  if (f.counted) filters.push(COUNTED[f.counted].sql);
  return filters;
}

/**
 * The user's tips, newest first, with filters and keyset pagination. A page is read as one query per
 * kind of access (the jurisdiction module's disjoint branches), each from its own index in list order
 * and stopped after limit + 1 rows, then merged: one OR over all kinds would have no index to follow
 * and scan every visible tip. A to-do filter is itself an index range on a handful of tips, so it is
 * read in one query.
 */
export async function listTips(db: Db, user: SessionUser, f: ListQuery) {
  await checkRegionFilter(db, f);
  const filters = listFilters(user, f);
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  // The cursor on the columns the branch's index is ordered by (an assignment's tip_received_at is its tip's received_at).
  const after = (at: string, id: string) => (cursor ? [sql`(${raw(at)}, ${raw(id)}) < (${cursor[0]}::timestamptz, ${cursor[1]}::bigint)`] : []);
  const n = f.limit + 1;
  const all = (where: Sql[]) => join(where, ' and ');

  let parts: Sql[];
  if (f.todo) {
    parts = [sql`select ${LIST_COLUMNS} from tips t where ${all([tipVisibleSql(user), ...filters, ...after('t.received_at', 't.id')])}
                 order by t.received_at desc, t.id desc limit ${n}`];
  } else {
    // The queue outside the office's subtree is nearly always empty, but the planner cannot know it: it
    // would walk the office's whole queue looking for it (or, reading it whole, plan a sort of
    // thousands and pay for JIT compilation). Two probes of tips_office_region_idx say whether to read it.
    const ranges = isOffice(user) ? outsideSubtreeRanges(user.unitRegionCode, 't.region_code') : [];
    const [{ queued }] = ranges.length
      ? await db.query<{ queued: boolean }>(sql`select ${join(ranges.map((r) => sql`exists (select 1 from tips t where t.office_unit_id = ${user.unitId} and ${r})`), ' or ')} as queued`)
      : [{ queued: false }];
    parts = tipVisibleBranches(user).filter((b) => b.kind !== 'queue' || queued).map((b) => {
      if (b.reached) {
        // From the unit's assignments in list order (tip_assignments_unit_received_idx); a tip dispatched
        // to the unit twice is one row.
        return sql`select distinct on (a.tip_received_at, a.tip_id) ${LIST_COLUMNS}
                   from tip_assignments a join tips t on t.id = a.tip_id
                   where ${all([sql`a.unit_id = ${user.unitId}`, b.reached, ...filters, ...after('a.tip_received_at', 'a.tip_id')])}
                   order by a.tip_received_at desc, a.tip_id desc limit ${n}`;
      }
      const own = sql`select ${LIST_COLUMNS} from tips t where ${all([b.where, ...filters, ...after('t.received_at', 't.id')])}`;
      // A county's subtree is a sliver of the nation's newest tips: probe each of its few regions on
      // tips_region_received_idx instead of walking the newest tips of the whole country.
      const root = [user.unitRegionCode, f.regionCode ?? ''].reduce((x, y) => (x.length >= y.length ? x : y));
      if (b.kind === 'subtree' && root.length >= 6) {
        return sql`select x.* from regions rg cross join lateral (${own} and t.region_code = rg.code order by t.received_at desc, t.id desc limit ${n}) x
                   where ${subtreeSql(root, 'rg.code')} order by x.received_at desc, x.id desc limit ${n}`;
      }
      // Read whole (offset 0 keeps the order out of the subquery, so it comes from tips_office_region_idx), then sorted.
      if (b.kind === 'queue') return sql`select q.* from (${own} offset 0) q order by q.received_at desc, q.id desc limit ${n}`;
      return sql`${own} order by t.received_at desc, t.id desc limit ${n}`;
    });
  }
  const rows = parts.length === 0 ? [] : await db.query<{
    id: number; tracking_code: string; status: TipStatus; source: string; fraud_types: string[]; region_code: string;
    region_name: string; received_at: Date; cursor_at: string; deadline_at: Date | null; overdue: boolean; summary: string; source_ref: string | null;
  }>(
    sql`select p.*, r.name as region_name from (${join(parts.map((p) => sql`(${p})`), ' union all ')}) p join regions r on r.code = p.region_code
        order by p.received_at desc, p.id desc limit ${n}`,
  );
  const page = rows.slice(0, f.limit);
  const items = page.map((r) => ({
    id: r.id, trackingCode: r.tracking_code, status: r.status, statusLabel: TIP_STATUSES[r.status], source: r.source,
    fraudTypes: r.fraud_types, regionCode: r.region_code, regionName: r.region_name, receivedAt: r.received_at,
    deadlineAt: r.deadline_at, overdue: r.overdue, summary: r.summary, sourceRef: r.source_ref,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > f.limit ? encodeCursor(last.cursor_at, last.id) : null };
}

/** Beyond this many the list's total reads "10,000+": an exact count of a province's tips under a filter can take seconds at 10 M tips. */
export const COUNT_CAP = 10_000;
/** On PostgreSQL a count that takes longer than this answers "not known" (total null) instead of holding the page. */
const COUNT_TIMEOUT_MS = 1500;

/**
 * How many tips the list's filter selects for this user — the same visibility and filter as the list.
 * Counted per kind of access (the jurisdiction module's disjoint branches, so they add up), each
 * stopped after cap + 1 rows: the work is bounded by the cap, not by the size of a province. A filter
 * that matches few of very many visible tips can still take long to prove it; on PostgreSQL the count
 * then stops at COUNT_TIMEOUT_MS and says so (total null). Read by GET /api/tips/count, apart from the
 * list, so a slow count never delays the page itself.
 */
export async function countTips(
  db: Db, user: SessionUser, f: FilterQuery, { cap = COUNT_CAP, timeoutMs = COUNT_TIMEOUT_MS } = {},
): Promise<{ total: number | null; capped: boolean }> {
  await checkRegionFilter(db, f);
  const filters = listFilters(user, f);
  const all = (where: Sql[]) => join(where, ' and ');
  const parts = tipVisibleBranches(user).map((b) =>
    b.reached
      ? sql`select 1 from (${assignedTipsSql(user)}) a join tips t on t.id = a.tip_id where ${all([b.reached, ...filters])} limit ${cap + 1}`
      : sql`select 1 from tips t where ${all([b.where, ...filters])} limit ${cap + 1}`,
  );
  if (!parts.length) return { total: 0, capped: false };
  const count = sql`select count(*)::int as n from (${join(parts.map((p) => sql`(${p})`), ' union all ')}) x`;
  let n: number;
  try {
    [{ n }] = await db.tx(async (q) => {
      // PGlite (one embedded process, a laptop's data) has no timer to cancel a statement with.
      if (db.kind === 'postgres') await q.query(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
      return q.query<{ n: number }>(count);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '57014') return { total: null, capped: false }; // query_canceled
    throw err;
  }
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/**
 * The workbench: how many tips wait for this user's unit, by kind, and how many are due or overdue —
 * all counts of tips the user may see. Each to-do kind is one index range (visibility checked on its
 * few tips); overdue and due-soon are summed over the disjoint visibility branches, each read from its
 * index. There is no total of visible tips: for a province it cannot be both exact and fast (the
 * dashboard has the figures).
 */
export async function workbench(db: Db, user: SessionUser) {
  const visible = tipVisibleSql(user);
  const todo = Object.entries(todoSql(user.unitId)).map(([k, cond]) => sql`(select count(*) from tips t where ${cond} and ${visible})::int as ${raw(k)}`);
  // Overdue (tipOverdueSql) and due soon (within 3 days) both lie below now() + 3 days among the tips
  // whose deadline runs; in that range they split at now(). Written on deadline_at alone, so the
  // subtree branch is counted from tips_open_deadline_idx without reading a tip.
  const open = sql`${deadlineRunsSql('t')} and t.deadline_at < now() + interval '3 days'`;
  const deadlines = tipVisibleBranches(user).map((b) => {
    const from = b.reached ? sql`(${assignedTipsSql(user, { open: true })}) a join tips t on t.id = a.tip_id` : sql`tips t`;
    return sql`select count(*) filter (where t.deadline_at < now()) as overdue, count(*) filter (where t.deadline_at >= now()) as due_soon
               from ${from} where ${b.reached ?? b.where} and ${open}`;
  });
  const [counts] = await db.query<Record<string, number>>(
    deadlines.length
      ? sql`select ${join(todo)}, coalesce(sum(d.overdue), 0)::int as overdue, coalesce(sum(d.due_soon), 0)::int as due_soon
            from (${join(deadlines, ' union all ')}) d`
      : sql`select ${join(todo)}, 0 as overdue, 0 as due_soon`,
  );
  const [{ unread }] = await db.query<{ unread: number }>(sql`select count(*)::int as unread from notifications where user_id = ${user.id} and read_at is null`);
  return {
    todo: {
      toAccept: counts.to_accept, toDispatch: counts.to_dispatch, toSign: counts.to_sign, toHandle: counts.to_handle, toReview: counts.to_review,
      toApprove: counts.to_approve, toReviewClosure: counts.to_review_closure,
    },
    overdue: counts.overdue,
    dueSoon: counts.due_soon,
    unreadNotifications: unread,
    // Matters transferred to this police unit (行刑衔接) that no case of its names yet.
    policeTransfers: user.unitKind === 'police' ? await pendingTransfers(db, user) : 0,
  };
}

/** A tip as staff see it: facts, masked reporter, assignments, full timeline, and what they may do. */
export async function tipDetail(db: Db, keys: Keys, user: SessionUser, tipId: number) {
  const ctx = await loadVisible(db, user, tipId);
  const { tip } = ctx;
  const [events, attachments, region, office, links, subjects, mergedInto, cases, handedOverBy] = await Promise.all([
    db.query<{ id: number; at: Date; kind: string; text: string; public: boolean; actor_name: string | null; unit_name: string | null; unit_id: number | null }>(
      sql`select e.id, e.at, e.kind, e.text, e.public, u.display_name as actor_name, un.name as unit_name, e.unit_id
          from tip_events e left join users u on u.id = e.actor_id left join units un on un.id = e.unit_id
          where e.tip_id = ${tipId} order by e.at, e.id`,
    ),
    db.query<{ id: string; mime: string; size_bytes: number; created_at: Date; assignment_id: number | null }>(
      sql`select id, mime, size_bytes, created_at, assignment_id from uploads where tip_id = ${tipId} order by created_at`,
    ),
    regionPath(db, tip.region_code),
    db.query<{ id: number; name: string }>(sql`select id, name from units where id = ${tip.office_unit_id}`),
    linkedTips(db, user, tipId),
    linkedSubjects(db, user, tipId),
    // The tip this one was merged into, by its tracking code — only while the user may see it.
    tip.merged_into_id === null
      ? []
      : db.query<{ id: number; trackingCode: string }>(sql`select t.id, t.tracking_code as "trackingCode" from tips t where t.id = ${tip.merged_into_id} and ${tipVisibleSql(user)}`),
    casesOfTip(db, user, tipId),
    tip.handed_over_by_unit_id === null ? [] : db.query<{ id: number; name: string }>(sql`select id, name from units where id = ${tip.handed_over_by_unit_id}`),
  ]);
  const identity = openReporter(keys, tip.reporter_enc);
  // A unit's draft (and its documents and timeline events) is the unit's own until its lead approves it.
  const ownDraft = (a: { unit_id: number }) => a.unit_id === user.unitId;
  const drafting = new Set(ctx.assignments.filter((a) => a.status === 'pending_approval' && !ownDraft(a)).map((a) => a.id));
  const closure = ctx.pendingClosure && isOffice(user) ? ctx.pendingClosure : null;
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
    overdue: isTipOverdue(tip),
    sourceRef: tip.source_ref,
    sourceDueOn: tip.source_due_on,
    sourceAt: tip.source_at,
    handedOverBy: handedOverBy[0] ?? null,
    reportedAt: tip.reported_at,
    closedAt: tip.closed_at,
    publicAnswer: tip.public_answer,
    mergedIntoId: tip.merged_into_id,
    mergedInto: mergedInto[0] ?? null,
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
      draft: a.draft && ownDraft(a)
        ? { verdict: a.draft.verdict, measures: a.draft.measures, summary: a.draft.summary, by: a.draft.byName, byUserId: a.draft.by, at: a.draft.at }
        : null,
      approvalRequired: a.unit_report_approval,
    })),
    timeline: events
      .filter((e) => !DRAFT_EVENT_KINDS.includes(e.kind) || e.unit_id === user.unitId)
      .map((e) => ({ id: e.id, at: e.at, kind: e.kind, text: e.text, public: e.public, actor: e.actor_name, unit: e.unit_name })),
    attachments: attachments
      .filter((a) => a.assignment_id === null || !drafting.has(a.assignment_id))
      .map((a) => ({ id: a.id, mime: a.mime, size: a.size_bytes, uploadedAt: a.created_at, assignmentId: a.assignment_id })),
    pendingClosure: closure && {
      proposingUnit: closure.proposing_unit_name, reviewerUnit: closure.reviewer_unit_name, publicAnswer: closure.public_answer,
      proposedBy: closure.proposed_by_name, proposedAt: closure.proposed_at,
    },
    allowedActions: allowedActions(user, ctx),
    // Suggestions for triage, computed on read (about a millisecond): types to consider, warning signs, entities.
    analysis: analyze([tip.description, tip.subject?.name].filter(Boolean).join('\n')),
    // Other tips the user may see that name the same company, code, phone, card or address.
    links,
    // Registered subjects the tip names, by credit code or normalised name.
    subjects,
    // Criminal cases filed from or linked to this tip (行刑衔接), those the user may see.
    cases,
  };
}

/** The tip with this tracking code, if the user may see it (404 otherwise, the same for a code no tip has). */
export async function tipByCode(db: Db, user: SessionUser, trackingCode: string) {
  const { tip } = await loadVisibleByCode(db, user, trackingCode);
  return { id: tip.id, trackingCode: tip.tracking_code, status: tip.status, statusLabel: TIP_STATUSES[tip.status], summary: tip.description.slice(0, 80) };
}

/** The reporter's full identity, for a role that may, with a written reason — always audited. */
export async function revealReporterIdentity(db: Db, keys: Keys, user: SessionUser, tipId: number, reason: string) {
  return db.tx(async (q) => {
    const ctx = await loadVisible(q, user, tipId);
    if (!mayRevealIdentity(user, ctx)) throw new AppError('FORBIDDEN');
    const identity = openReporter(keys, ctx.tip.reporter_enc);
    if (!identity) throw new AppError('NOT_FOUND', undefined, '该线索为匿名举报，没有举报人身份信息');
    await audit(q, actorOf(user), { action: 'tip.identity_revealed', entity: 'tip', entityId: tipId, detail: { reason } });
    return identity;
  });
}
