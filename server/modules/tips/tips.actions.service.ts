import { empty, sql, type Db, type Queryable, type Sql } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { MEASURES, VERDICTS } from '../../../shared/domain.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { findUnit } from '../admin/admin.service.ts';
import { notifyUnit } from '../notifications/notifications.service.ts';
import { analyze } from '../intel/analyze.ts';
import { canSeeTip, inJurisdiction } from '../access/jurisdiction.ts';
import { accessFacts, currentLead, permit, type TipContext } from './tips.policy.ts';
import { findTip, insertEvent, listAssignments } from './tips.repository.ts';
import type { TipAction } from './tips.schemas.ts';

type Of<A extends TipAction['action']> = Extract<TipAction, { action: A }>;

/** Loads a tip with what the policy needs; null when it does not exist. */
export async function loadContext(q: Queryable, tipId: number, forUpdate = false): Promise<TipContext | null> {
  const tip = await findTip(q, tipId, forUpdate);
  if (!tip) return null;
  const [assignments, [owner]] = await Promise.all([
    listAssignments(q, tipId),
    q.query<{ region_code: string }>(sql`select region_code from units where id = ${tip.office_unit_id}`),
  ]);
  return { tip, assignments, ownerRegionCode: owner.region_code };
}

/** Loads a tip the user may see, or 404 — never revealing that it exists. */
export async function loadVisible(q: Queryable, user: SessionUser, tipId: number, forUpdate = false): Promise<TipContext> {
  const ctx = await loadContext(q, tipId, forUpdate);
  if (!ctx || !canSeeTip(user, accessFacts(ctx))) throw new AppError('NOT_FOUND');
  return ctx;
}

interface Step {
  q: Queryable;
  user: SessionUser;
  ctx: TipContext;
}

async function record(s: Step, kind: string, text: string, isPublic: boolean, data?: object) {
  await insertEvent(s.q, { tipId: s.ctx.tip.id, kind, text, public: isPublic, actorId: s.user.id, unitId: s.user.unitId, data });
  await audit(s.q, { id: s.user.id, name: s.user.username }, { action: `tip.${kind}`, entity: 'tip', entityId: s.ctx.tip.id, detail: data as Record<string, unknown> });
}

const setStatus = (s: Step, status: string, extra: Sql = empty) =>
  s.q.query(sql`update tips set status = ${status}, updated_at = now()${extra} where id = ${s.ctx.tip.id}`);

/** 受理: the office takes the tip on, optionally correcting its fraud types and naming accused units. */
async function acceptTip(s: Step, a: Of<'accept'>) {
  const types = a.fraudTypes ?? s.ctx.tip.fraud_types;
  const accused = [...new Set([...s.ctx.tip.accused_unit_ids, ...(a.accusedUnitIds ?? [])])];
  await s.q.query(sql`update tips set status = 'accepted', fraud_types = ${types}, accused_unit_ids = ${accused}, updated_at = now() where id = ${s.ctx.tip.id}`);
  // A clerk's types that differ from the analysis are kept as labelled data (docs/intel.md).
  const suggested = analyze(s.ctx.tip.description).fraudTypes.map((t) => t.code);
  if (a.fraudTypes && [...types].sort().join() !== [...suggested].sort().join()) {
    await s.q.query(sql`insert into type_corrections (tip_id, suggested, corrected, user_id) values (${s.ctx.tip.id}, ${suggested}, ${types}, ${s.user.id})`);
  }
  await record(s, 'accepted', '您的举报已受理', true, { fraudTypes: types });
  if (a.note) await record(s, 'note', a.note, false);
}

/** 不予受理: closes the tip with a reason (internal) and an answer the reporter reads. */
async function rejectTip(s: Step, a: Of<'reject'>) {
  await s.q.query(
    sql`update tips set status = 'rejected', public_answer = ${a.publicAnswer}, public_answer_at = now(), closed_at = now(), updated_at = now()
        where id = ${s.ctx.tip.id}`,
  );
  await record(s, 'rejected', a.reason, false);
  await record(s, 'answer', a.publicAnswer, true);
}

/** 并案: folds the tip into another visible, live tip; it is answered when that one closes. */
async function mergeTip(s: Step, a: Of<'merge'>) {
  if (a.intoTipId === s.ctx.tip.id) throw new AppError('MERGE_TARGET_INVALID', [{ path: 'intoTipId', message: '不能并入自身' }]);
  const target = await loadVisible(s.q, s.user, a.intoTipId).catch(() => null);
  if (!target || ['merged', 'rejected', 'closed'].includes(target.tip.status)) {
    throw new AppError('MERGE_TARGET_INVALID', [{ path: 'intoTipId', message: '目标线索不存在、不可见或已办结' }]);
  }
  await s.q.query(sql`update tips set status = 'merged', merged_into_id = ${a.intoTipId}, updated_at = now() where id = ${s.ctx.tip.id}`);
  await record(s, 'merged', '您反映的问题已与相关线索合并办理', true, { intoTipId: a.intoTipId });
}

/** 交办: to a member unit or a lower office within the dispatcher's subtree, with a deadline. */
async function dispatchTip(s: Step, a: Of<'dispatch'>) {
  const deadline = new Date(a.deadline);
  const parent = s.ctx.tip.status === 'accepted' ? null : currentLead(s.ctx.assignments);
  if (deadline.getTime() <= Date.now() + 60_000 || (parent && deadline > parent.deadline_at)) {
    throw new AppError('DEADLINE_INVALID', [{ path: 'deadline', message: parent ? '不能晚于上级交办的时限' : '须晚于现在' }]);
  }
  const unitIds = [a.leadUnitId, ...(a.assistingUnitIds ?? [])];
  if (new Set(unitIds).size !== unitIds.length) {
    throw new AppError('DISPATCH_UNIT_INVALID', [{ path: 'assistingUnitIds', message: '主办单位与协办单位不能重复' }]);
  }
  for (const [i, id] of unitIds.entries()) {
    const path = i === 0 ? 'leadUnitId' : `assistingUnitIds.${i - 1}`;
    if (s.ctx.tip.accused_unit_ids.includes(id)) throw new AppError('DISPATCH_ACCUSED_UNIT', [{ path, message: '该单位为被反映对象' }]);
    const unit = await findUnit(s.q, id);
    if (!unit || unit.id === s.user.unitId || !inJurisdiction(s.user, unit.region_code)) {
      throw new AppError('DISPATCH_UNIT_INVALID', [{ path, message: '单位不存在或不在本辖区内' }]);
    }
  }
  if (parent) await s.q.query(sql`update tip_assignments set status = 'forwarded' where id = ${parent.id}`);
  const ids: number[] = [];
  for (const [i, unitId] of unitIds.entries()) {
    const [{ id }] = await s.q.query<{ id: number }>(
      sql`insert into tip_assignments (tip_id, unit_id, role, parent_id, dispatched_by_unit_id, dispatched_by, deadline_at, instructions, status)
          values (${s.ctx.tip.id}, ${unitId}, ${i === 0 ? 'lead' : 'assist'}, ${parent?.id ?? null}, ${s.user.unitId}, ${s.user.id}, ${deadline},
                  ${a.instructions}, 'dispatched') returning id`,
    );
    ids.push(id);
    await notifyUnit(s.q, unitId, i === 0 ? ['handler', 'unit_lead', 'intake', 'office_lead'] : ['handler', 'unit_lead'], {
      kind: 'dispatched', tipId: s.ctx.tip.id, text: `收到交办线索（${i === 0 ? '主办' : '协办'}），请按时办理`, dedupeKey: `assignment:${id}`,
    });
  }
  await s.q.query(sql`update tips set status = 'dispatched', deadline_at = ${deadline}, updated_at = now() where id = ${s.ctx.tip.id}`);
  await record(s, 'dispatched', a.instructions, false, { leadUnitId: a.leadUnitId, assistingUnitIds: a.assistingUnitIds ?? [], deadline, assignmentIds: ids });
  if (!parent) await insertEvent(s.q, { tipId: s.ctx.tip.id, kind: 'dispatched', text: '已交有关单位核查办理', public: true });
}

/** 签收: the lead unit acknowledges the tip and starts work. */
async function signForTip(s: Step) {
  const lead = currentLead(s.ctx.assignments)!;
  await s.q.query(sql`update tip_assignments set status = 'signed', signed_at = now() where id = ${lead.id}`);
  await setStatus(s, 'in_progress');
  await record(s, 'signed', `${s.user.unitName}已签收`, false, { assignmentId: lead.id });
  await insertEvent(s.q, { tipId: s.ctx.tip.id, kind: 'in_progress', text: '承办单位已签收，正在核查', public: true });
}

/** 反馈结果: verdict, measures and summary from the lead unit, for its dispatcher to review. */
async function reportTip(s: Step, a: Of<'report'>) {
  const lead = currentLead(s.ctx.assignments)!;
  await s.q.query(
    sql`update tip_assignments set status = 'reported', reported_at = now(), verdict = ${a.verdict}, measures = ${a.measures}, summary = ${a.summary}
        where id = ${lead.id}`,
  );
  await setStatus(s, 'reported', sql`, reported_at = now()`);
  await record(s, 'reported', `核查结论：${VERDICTS[a.verdict]}；措施：${a.measures.map((m) => MEASURES[m]).join('、')}。${a.summary}`, false, {
    assignmentId: lead.id, verdict: a.verdict, measures: a.measures,
  });
  await notifyUnit(s.q, lead.dispatched_by_unit_id, ['office_lead', 'intake'], {
    kind: 'reported', tipId: s.ctx.tip.id, text: `${s.user.unitName}已反馈办理结果，请审核`, dedupeKey: `report:${lead.id}:${Date.now()}`,
  });
}

/** 退回重办: the reviewing office sends the result back to the lead unit. */
async function returnTip(s: Step, a: Of<'return'>) {
  const lead = currentLead(s.ctx.assignments)!;
  await s.q.query(sql`update tip_assignments set status = 'returned' where id = ${lead.id}`);
  await setStatus(s, 'in_progress', sql`, reported_at = null`);
  await record(s, 'returned', a.reason, false, { assignmentId: lead.id });
  await notifyUnit(s.q, lead.unit_id, ['handler', 'unit_lead', 'intake', 'office_lead'], {
    kind: 'returned', tipId: s.ctx.tip.id, text: '办理结果被退回，请重新办理', dedupeKey: `return:${lead.id}:${Date.now()}`,
  });
}

/** 办结: approved, with the public answer; tips merged into it are answered alike. */
async function closeTip(s: Step, a: Of<'close'>) {
  await s.q.query(sql`update tip_assignments set status = 'closed' where tip_id = ${s.ctx.tip.id} and active`);
  const close = sql`update tips set status = 'closed', public_answer = ${a.publicAnswer}, public_answer_at = now(), closed_at = now(), updated_at = now()`;
  await s.q.query(sql`${close} where id = ${s.ctx.tip.id}`);
  await record(s, 'closed', a.publicAnswer, true);
  const merged = await s.q.query<{ id: number }>(sql`${close} where merged_into_id = ${s.ctx.tip.id} and status = 'merged' returning id`);
  for (const m of merged) {
    await insertEvent(s.q, { tipId: m.id, kind: 'closed', text: a.publicAnswer, public: true, actorId: s.user.id, unitId: s.user.unitId });
  }
}

/** 督办: presses the lead unit; it is told at once. */
async function urgeTip(s: Step, a: Of<'urge'>) {
  const lead = currentLead(s.ctx.assignments)!;
  await record(s, 'urged', a.note, false, { assignmentId: lead.id });
  await notifyUnit(s.q, lead.unit_id, ['handler', 'unit_lead', 'intake', 'office_lead'], {
    kind: 'urged', tipId: s.ctx.tip.id, text: `督办：${a.note}`, dedupeKey: `urge:${Date.now()}`,
  });
}

const noteTip = (s: Step, a: Of<'note'>) => record(s, 'note', a.text, false);
const replyToReporter = (s: Step, a: Of<'reply'>) => record(s, 'reply', a.text, true);

const TRANSITIONS: { [A in TipAction['action']]: (s: Step, a: Of<A>) => Promise<void> } = {
  accept: acceptTip,
  reject: rejectTip,
  merge: mergeTip,
  dispatch: dispatchTip,
  sign: signForTip,
  report: reportTip,
  return: returnTip,
  close: closeTip,
  urge: urgeTip,
  note: noteTip,
  reply: replyToReporter,
};

/** Runs one action: load and check access → guard the state → write change, timeline and audit in one transaction. */
export async function runTipAction(db: Db, user: SessionUser, tipId: number, action: TipAction): Promise<void> {
  await db.tx(async (q) => {
    const ctx = await loadVisible(q, user, tipId, true);
    permit(user, ctx, action.action);
    const transition = TRANSITIONS[action.action] as (s: Step, a: TipAction) => Promise<void>;
    await transition({ q, user, ctx }, action);
  });
}

